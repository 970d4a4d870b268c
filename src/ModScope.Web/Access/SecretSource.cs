namespace ModScope.Web.Access;

/// <summary>
/// Reads a secret (the analyst token, the users list) from configuration or the environment, or from a file either
/// names: <c>ModScope:KEY</c>, <c>ModScope:KEYFile</c>, then <c>VARIABLE</c>, <c>VARIABLE_FILE</c>. Never from the
/// command line, where other users of the machine read it (<c>ps</c>, <c>/proc</c>) and shells keep it in history.
/// </summary>
internal static class SecretSource
{
    public static string? Read(IConfigurationSection section, string key, string variable)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section[key] is { Length: > 0 } configured)
        {
            return configured;
        }
        if (section[key + "File"] is { Length: > 0 } configuredFile)
        {
            return FromFile(configuredFile, $"{DashboardOptions.Section}:{key}File");
        }
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } environment)
        {
            return environment;
        }
        return Environment.GetEnvironmentVariable(variable + "_FILE") is { Length: > 0 } file ? FromFile(file, variable + "_FILE") : null;
    }

    private static string FromFile(string path, string setting)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot read '{path}': {ex.Message}", ex);
        }
        return text.Trim() is { Length: > 0 } secret ? secret : throw new InvalidOperationException($"{setting}: '{path}' is empty.");
    }
}
