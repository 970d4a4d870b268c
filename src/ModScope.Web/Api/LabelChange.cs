namespace ModScope.Web.Api;

/// <summary>The body of <c>POST /api/alerts/{id}/label</c>: confirmed_incident, expected, false_alarm or new_normal.</summary>
internal sealed record LabelChange(string? Label);
