namespace Soliday.Storage;

/// <summary>
/// Runs a read / change / write-if-unchanged attempt until it wins. Bounded: under a storm of
/// writers it gives up with an exception, and the durable retry of the activity takes over.
/// </summary>
public static class OptimisticConcurrency
{
    private const int MaxAttempts = 30;

    public static async Task<T> RetryAsync<T>(string what, Func<Task<(bool Won, T Result)>> attempt, CancellationToken cancellationToken = default)
    {
        for (var tries = 1; ; tries++)
        {
            var (won, result) = await attempt();
            if (won)
            {
                return result;
            }

            if (tries == MaxAttempts)
            {
                throw new InvalidOperationException($"{what}: still changed by others after {MaxAttempts} attempts.");
            }

            // Jittered, growing waits spread the losers out instead of colliding again at once.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(tries, 10)), cancellationToken);
        }
    }
}
