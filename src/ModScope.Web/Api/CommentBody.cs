namespace ModScope.Web.Api;

/// <summary>The body of <c>POST /api/alerts/{id}/comments</c>: the comment's text (1 to 4000 characters).</summary>
internal sealed record CommentBody(string? Text);
