using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ModScope.Cli.Tests;

/// <summary>
/// A webhook receiver on Kestrel at 127.0.0.1 inside the test: every POST to <c>/hook</c> is kept with its
/// idempotency key, signature header and body. While <see cref="Hold"/> is set, a request is not answered until its
/// sender goes away (the test kills the server mid-delivery); otherwise it is answered 200 and counts as received.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The URL to configure as the channel's.</summary>
    public string Url => _app.Urls.Single() + "/hook";

    /// <summary>Whether the next requests are held unanswered.</summary>
    public bool Hold { get; set; }

    /// <summary>Every request that arrived, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Completes when a request is being held.</summary>
    public Task Held => _held.Task;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var held = Hold;
        Requests.Enqueue(new Received(context.Request.Headers["Idempotency-Key"].ToString(), context.Request.Headers["X-ModScope-Signature"].ToString(), body, !held));
        if (held)
        {
            _held.TrySetResult();
            // Unanswered until the sender's connection drops.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request: its key, its signature header, its body, and whether it was answered 200.</summary>
    internal sealed record Received(string Key, string Signature, string Body, bool Answered);
}
