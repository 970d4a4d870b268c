namespace ModScope.Service;

/// <summary>When a file in the landing folder is complete and may be loaded.</summary>
public enum FileReadiness
{
    /// <summary>Its size and modification time have not changed for <see cref="WatchSettings.StableFor"/>.</summary>
    StableSize,

    /// <summary>A marker <c>NAME.done</c> sits beside it (the producer writes it last).</summary>
    DoneMarker,
}
