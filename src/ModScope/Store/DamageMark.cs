namespace ModScope.Store;

/// <summary>
/// A store found damaged is marked by a file beside it (<c>STORE.damaged</c>, holding the reason): opening the store
/// refuses while it is there, so no load writes into a file with a bad block; <c>modscope check</c> removes it when
/// the store passes.
/// </summary>
public static class DamageMark
{
    public static string PathOf(string storePath) => storePath + ".damaged";

    /// <summary>The recorded reason, or null when the store is not marked.</summary>
    public static string? Reason(string storePath) =>
        storePath != ":memory:" && File.Exists(PathOf(storePath)) ? File.ReadAllText(PathOf(storePath)).Trim() : null;

    public static void Set(string storePath, string reason)
    {
        if (storePath == ":memory:")
        {
            return;
        }
        try
        {
            File.WriteAllText(PathOf(storePath), reason + Environment.NewLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk: the error itself still tells the user to run the check.
        }
    }

    public static void Clear(string storePath)
    {
        if (storePath != ":memory:")
        {
            File.Delete(PathOf(storePath));
        }
    }
}
