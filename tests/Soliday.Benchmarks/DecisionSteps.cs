using System.Globalization;
using System.Text.RegularExpressions;

namespace Soliday.Benchmarks;

/// <summary>
/// Where the time from a decision to "published" goes, from the host's own log lines: the local
/// host logs every function it runs ("Executing 'Functions.X'" / "Executed … Duration=Nms"), here with
/// a UTC timestamp to the millisecond. Decisions are timed one at a time, so the lines inside one
/// decision's window are that decision's: the endpoint's answer, the engine waking the orchestration
/// with the raised event, the hop to the publish activity, the publish itself, and the status poll
/// seeing it.
/// </summary>
public static partial class DecisionSteps
{
    public const string Header =
        "| entries waiting | decision endpoint (POST answered) | engine: event raised to the orchestration running | orchestration to PublishEntry starting | PublishEntry | PublishEntry done to the status read as published |";

    /// <summary>The host's settings that make those lines: the functions' own category at Information, one line each, timestamped in UTC.</summary>
    public static Dictionary<string, string> HostLogging => new()
    {
        ["Logging__LogLevel__Function"] = "Information",
        ["Logging__Console__FormatterName"] = "simple", // named, or its options below are not read
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
    };

    /// <summary>One timed decision: when the POST was sent, when it was answered, when the status said "published" (UTC).</summary>
    public sealed record Window(DateTime Sent, DateTime Answered, DateTime Published);

    private sealed record Line(DateTime At, string Function, bool Done, long Duration);

    public static IEnumerable<string> Rows(int level, string output, IReadOnlyList<Window> windows)
    {
        var lines = Parse(output, windows[0].Sent.Date).ToList();
        if (lines.Count == 0)
        {
            Console.WriteLine($"  No function log lines in the host's output; it ends:\n{output[Math.Max(0, output.Length - 2000)..]}");
        }

        var endpoint = new List<double>();
        var wake = new List<double>();
        var hop = new List<double>();
        var publish = new List<double>();
        var seen = new List<double>();
        foreach (var window in windows)
        {
            var inside = lines.Where(l => l.At >= window.Sent.AddMilliseconds(-2) && l.At <= window.Published.AddMilliseconds(2)).ToList();
            var orchestration = inside.FirstOrDefault(l => l.Function == "SubmissionOrchestration" && !l.Done);
            var publishStart = inside.FirstOrDefault(l => l.Function == "PublishEntry" && !l.Done);
            var publishDone = inside.FirstOrDefault(l => l.Function == "PublishEntry" && l.Done);
            if (orchestration is null || publishStart is null || publishDone is null)
            {
                continue; // a line not printed yet, or the window's clock edges: left out rather than guessed
            }

            endpoint.Add((window.Answered - window.Sent).TotalMilliseconds);
            wake.Add(Math.Max(0, (orchestration.At - window.Answered).TotalMilliseconds));
            hop.Add((publishStart.At - orchestration.At).TotalMilliseconds);
            publish.Add(publishDone.Duration);
            seen.Add((window.Published - publishDone.At).TotalMilliseconds);
        }

        yield return $"| {level} ({endpoint.Count} of {windows.Count} decisions) | {Describe(endpoint)} | {Describe(wake)} | {Describe(hop)} | {Describe(publish)} | {Describe(seen)} |";
    }

    private static string Describe(List<double> values)
    {
        if (values.Count == 0)
        {
            return "–";
        }

        values.Sort();
        return $"{values[(values.Count - 1) / 2]:F0} ms (p95 {values[(int)Math.Ceiling(0.95 * values.Count) - 1]:F0})";
    }

    private static IEnumerable<Line> Parse(string output, DateTime day)
    {
        foreach (Match match in LogLine().Matches(output))
        {
            var at = day + TimeSpan.ParseExact(match.Groups["at"].Value, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
            var done = match.Groups["verb"].Value == "Executed";
            var duration = match.Groups["ms"].Success ? long.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture) : 0;
            yield return new Line(at, match.Groups["function"].Value, done, duration);
        }
    }

    [GeneratedRegex(@"^(?<at>\d\d:\d\d:\d\d\.\d{3}) info: Function\.\w+\[\d+\] (?<verb>Executing|Executed) 'Functions\.(?<function>\w+)'(?:.*Duration=(?<ms>\d+)ms)?", RegexOptions.Multiline)]
    private static partial Regex LogLine();
}
