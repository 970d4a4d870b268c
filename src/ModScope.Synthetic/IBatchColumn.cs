using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>A column of a <see cref="TableBatch"/>.</summary>
internal interface IBatchColumn
{
    ColumnKind Kind { get; }

    /// <summary>All values as a typed array (for columnar formats).</summary>
    Array ToArray();
}

/// <summary>A column with typed access to each row's value.</summary>
internal interface IBatchColumn<out TValue> : IBatchColumn
{
    TValue this[int row] { get; }
}
