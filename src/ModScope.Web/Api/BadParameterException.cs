namespace ModScope.Web.Api;

/// <summary>A query parameter the API cannot use; answered with a 400 problem naming <see cref="Parameter"/>.</summary>
internal sealed class BadParameterException(string parameter, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Parameter { get; } = parameter;
}
