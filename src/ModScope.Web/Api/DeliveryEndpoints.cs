using Microsoft.AspNetCore.Mvc;
using ModScope.Common;
using ModScope.Service.Outbox;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/deliveries</c>: the delivery log (the outbox of <c>serve</c>'s subscriptions), newest first, with status,
/// attempts and the last error; analysts and admins when users are configured (recipients are people's addresses).
/// </summary>
internal static class DeliveryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/deliveries", ([FromQuery(Name = "status")] string? status, [FromQuery(Name = "limit")] string? limit, Dashboard dashboard) =>
        {
            OutboxStatus? only = status?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "pending" => OutboxStatus.Pending,
                "sent" => OutboxStatus.Sent,
                "failed" => OutboxStatus.Failed,
                _ => throw new BadParameterException("status", $"'{status}' is not a delivery status; use pending, sent or failed.", ProblemReason.Unknown("status", status, ["pending", "sent", "failed"])),
            };
            var rows = new OutboxStore(dashboard.Store).List(only, WholeNumber.Parse("limit", limit, 1, 1_000) ?? 200);
            return Results.Ok(rows.Select(r => new
            {
                r.Id, r.Key, r.Subscription, r.Channel, Recipients = r.Recipients.Count, r.Message.Subject, Attachment = r.Message.AttachmentName,
                Status = r.Status.ToString().ToLowerInvariant(), r.Attempts, r.CreatedAt, r.SentAt,
                NextAttemptAt = r.Status == OutboxStatus.Pending ? r.NextAttemptAt : (DateTime?)null, r.LastError,
            }).ToList());
        }).RequireAnalystOrLocal().WithName("Deliveries")
          .WithSummary("The delivery log, newest first: each delivery's subscription, channel, subject, status (pending, sent, failed), attempts and last error (analysts and admins).");
    }
}
