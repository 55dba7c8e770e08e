using System.Diagnostics;
using System.Globalization;

namespace Soliday.Local.Hosting;

/// <summary>
/// Ctrl+C ends the host, whatever hangs. Stopping goes through stages (work in flight, the app, the
/// durable engine, Azurite), each with its own bound, each timed here. A stop slower than
/// <see cref="SlowStop"/> says where its time went; one still going at <see cref="Deadline"/> says
/// which stage did not finish and ends the process, and Azurite, which watches its launcher's stdin,
/// saves and stops by itself.
/// </summary>
public sealed class StopTrail(Action<string> say)
{
    /// <summary>Above every stage's bound added up (app 15 s, engine 5 s, Azurite 10 s): reached only when something ignores its bound.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>A stop that took longer than this is worth a line saying why.</summary>
    private static readonly TimeSpan SlowStop = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<(string Stage, TimeSpan Start)> _stages = [];
    private readonly Stopwatch _clock = new();
    private readonly CancellationTokenSource _finished = new();

    /// <summary>Marks the start of a stage; the first one starts the clock and the watch on <see cref="Deadline"/>.</summary>
    public void Enter(string stage)
    {
        lock (_lock)
        {
            if (!_clock.IsRunning)
            {
                _clock.Start();
                _ = WatchAsync();
            }

            _stages.Add((stage, _clock.Elapsed));
        }
    }

    /// <summary>Everything has stopped: a slow stop says where the time went.</summary>
    public void Finish()
    {
        _finished.Cancel();
        var took = _clock.Elapsed;
        if (took > SlowStop)
        {
            say($"Stopping took {Seconds(took)}: {Describe(took)}.");
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            await Task.Delay(Deadline, _finished.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        string stuck;
        lock (_lock)
        {
            stuck = _stages[^1].Stage;
        }

        say($"Soliday.Local did not stop within {Seconds(Deadline)}: still {stuck} ({Describe(_clock.Elapsed)}). Ending it; Azurite stops by itself.");

        // Not Environment.Exit: its exit handlers wait for the very host that did not stop.
        Process.GetCurrentProcess().Kill();
    }

    /// <summary>"finishing work in flight 2.1 s, the app 0.3 s, …": each stage and how long it took (the last, so far).</summary>
    private string Describe(TimeSpan now)
    {
        lock (_lock)
        {
            return string.Join(", ", _stages.Select((stage, i) =>
                $"{stage.Stage} {Seconds((i + 1 < _stages.Count ? _stages[i + 1].Start : now) - stage.Start)}"));
        }
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
