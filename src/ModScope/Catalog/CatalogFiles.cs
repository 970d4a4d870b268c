namespace ModScope.Catalog;

/// <summary>
/// Reads the text of the YAML files beside the catalogue (core index, events calendar, monitor settings): a file
/// on disk, or the copy shipped inside the library. A failure is a <see cref="CatalogException"/> naming the file.
/// </summary>
internal static class CatalogFiles
{
    public static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"{path}: cannot be read ({ex.Message}).", ex);
        }
    }

    /// <summary>The shipped copy of <paramref name="name"/> (<c>catalog/….yaml</c>); <paramref name="what"/> says what it is.</summary>
    public static string Shipped(string name, string what)
    {
        using var stream = typeof(CatalogFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new CatalogException($"The shipped {what} {name} is not embedded in this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
