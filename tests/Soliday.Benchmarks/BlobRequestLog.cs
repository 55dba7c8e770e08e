using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Soliday.Benchmarks;

/// <summary>
/// Every blob request the app's <c>BlobServiceClient</c> makes while recording: its kind (method and
/// the blob's path with ids and numbers folded, so "the hour index" is one row whatever the hour), its
/// time and the bytes sent and received. What a publish's time is made of, request by request.
/// </summary>
public sealed partial class BlobRequestLog : HttpPipelinePolicy
{
    private readonly List<BlobRequest> _requests = [];
    private volatile bool _recording;

    public sealed record BlobRequest(string Kind, double Milliseconds, long BytesSent, long BytesReceived);

    public void Start()
    {
        lock (_requests)
        {
            _requests.Clear();
        }

        _recording = true;
    }

    public IReadOnlyList<BlobRequest> Stop()
    {
        _recording = false;
        lock (_requests)
        {
            return [.. _requests];
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The app calls storage asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        if (!_recording)
        {
            return;
        }

        var sent = message.Request.Headers.TryGetValue("Content-Length", out var length) && long.TryParse(length, out var n) ? n : 0;
        var received = message.Request.Method == RequestMethod.Head ? 0 : message.Response.Headers.ContentLength ?? 0; // a HEAD names the length without sending it
        var request = new BlobRequest(KindOf(message.Request), Stopwatch.GetElapsedTime(started).TotalMilliseconds, sent, received);
        lock (_requests)
        {
            _requests.Add(request);
        }
    }

    /// <summary>"PUT site/hours/#.html (block)": the method, the path without the account, ids and numbers folded, and the operation.</summary>
    private static string KindOf(Request request)
    {
        var path = Uri.UnescapeDataString(request.Uri.Path).Split('/', 3).ElementAtOrDefault(2) ?? "";
        path = Numbers().Replace(Ids().Replace(path, "{id}"), "#");
        var query = request.Uri.Query;
        var operation = query.Contains("comp=block&", StringComparison.Ordinal) || query.EndsWith("comp=block", StringComparison.Ordinal) ? " (block)"
            : query.Contains("comp=blocklist", StringComparison.Ordinal) ? " (block list)"
            : query.Contains("comp=appendblock", StringComparison.Ordinal) ? " (append)"
            : query.Contains("comp=metadata", StringComparison.Ordinal) ? " (metadata)"
            : query.Contains("comp=list", StringComparison.Ordinal) ? " (list)"
            : "";
        return $"{request.Method} {path}{operation}";
    }

    [GeneratedRegex("[0-9a-z]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex Ids();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
