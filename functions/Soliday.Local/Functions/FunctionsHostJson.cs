using System.Globalization;
using System.Text.Json.Nodes;

namespace Soliday.Local.Functions;

/// <summary>
/// The Functions app's own host.json (copied beside this host with the Functions assembly): the
/// local host reads its route prefix and queue settings from it rather than keeping copies.
/// </summary>
public sealed class FunctionsHostJson(JsonNode root)
{
    public const string FileName = "host.json";

    /// <summary>The Functions host's default when host.json names none.</summary>
    private const string DefaultRoutePrefix = "api";

    public static FunctionsHostJson Load(string? directory = null)
    {
        var path = Path.Combine(directory ?? AppContext.BaseDirectory, FileName);
        return File.Exists(path)
            ? new FunctionsHostJson(JsonNode.Parse(File.ReadAllText(path))!)
            : throw new FileNotFoundException($"The Functions app's {FileName} is not beside the local host; build Soliday.Local, which copies it.", path);
    }

    public string RoutePrefix => root["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? DefaultRoutePrefix;

    /// <summary>host.json's <c>extensions.queues</c> settings onto the local listeners' options; those it leaves out keep their defaults.</summary>
    public void ApplyQueueSettings(Hosting.LocalQueueOptions options)
    {
        if (root["extensions"]?["queues"] is not { } queues)
        {
            return;
        }

        if (queues["maxDequeueCount"] is { } maxDequeueCount)
        {
            options.MaxDequeueCount = maxDequeueCount.GetValue<int>();
        }

        if (queues["visibilityTimeout"] is { } visibilityTimeout)
        {
            options.VisibilityTimeout = TimeSpan.Parse(visibilityTimeout.GetValue<string>(), CultureInfo.InvariantCulture);
        }

        if (queues["batchSize"] is { } batchSize)
        {
            options.BatchSize = batchSize.GetValue<int>();
        }
    }
}
