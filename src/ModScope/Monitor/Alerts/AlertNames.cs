using System.Text;

namespace ModScope.Monitor.Alerts;

/// <summary>Enum values as the snake_case words stored and typed on the command line (<c>false_alarm</c>).</summary>
public static class AlertNames
{
    public static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static T Parse<T>(string snake) where T : struct, Enum =>
        Enum.TryParse<T>(snake.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value)
            ? value
            : throw new FormatException($"'{snake}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(Snake))}.");
}
