using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Local.Hosting;

/// <summary>A storage queue the local host listens to for a queue-triggered function, and the call of that function with each message.</summary>
public sealed record LocalQueueListener(string FunctionName, string QueueName, Func<IServiceProvider, string, CancellationToken, Task> HandleAsync);

/// <summary>
/// Listens to one storage queue as the Functions queue trigger does: Base64 messages,
/// <see cref="LocalQueueOptions.BatchSize"/> at a time, side by side; a message handled is deleted; one that fails is tried again after the visibility timeout,
/// and after <see cref="LocalQueueOptions.MaxDequeueCount"/> tries (or when it cannot even be
/// decoded) it moves, as it was, to <c>{queue}-poison</c>. A message whose last try never ended
/// (the host died) comes back with a higher count and is set aside at once.
/// </summary>
public sealed class QueueListenerService(
    LocalQueueListener listener,
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<LocalQueueOptions> options,
    ILogger<QueueListenerService> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    private string PoisonQueueName => $"{listener.QueueName}-poison";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connection = configuration[SolidayServiceCollectionExtensions.StorageConnectionKey];
        var poison = new QueueClient(connection, PoisonQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var listening = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        listening.MessageDecodingFailed += args => SetAsideUndecodableAsync(args, poison);
        var queue = new QueueClient(connection, listener.QueueName, listening);

        var created = false;
        var wait = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Inside the loop: storage that does not yet let the app in must not stop the host (issue 18).
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    created = true;
                }

                var messages = (await queue.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.ProcessingTimeout, stoppingToken)).Value;
                await Task.WhenAll(messages.Select(message => HandleAsync(queue, poison, message, stoppingToken)));

                // As the Functions runtime: look again at once while there is work, back off when idle.
                wait = messages.Length > 0 ? MinPollingInterval : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.Value.MaxPollingInterval.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading the {Queue} queue failed; trying again", listener.QueueName);
                wait = options.Value.MaxPollingInterval;
            }

            try
            {
                await Task.Delay(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        var maxDequeueCount = options.Value.MaxDequeueCount;
        if (message.DequeueCount > maxDequeueCount)
        {
            await SetAsideAsync(queue, poison, message, "its last try never finished");
            return;
        }

        try
        {
            await listener.HandleAsync(services, message.Body.ToString(), stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= maxDequeueCount)
            {
                await SetAsideAsync(queue, poison, message, $"it failed {message.DequeueCount} times: {e.Message}");
            }
            else
            {
                logger.LogWarning(e, "A message on {Queue} failed (try {Try} of {Max}); trying again", listener.QueueName, message.DequeueCount, maxDequeueCount);
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.Value.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }

            return;
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message shows again when its visibility timeout ends, as after a crash.
            return;
        }

        await DeleteHandledAsync(queue, message);
    }

    /// <summary>
    /// Apart from the handling: a delete that fails (a try that outlived its visibility timeout has a
    /// stale receipt) is no failure of the message. It shows again and is handled again, which every
    /// handler allows; it must not count towards the poison queue.
    /// </summary>
    private async Task DeleteHandledAsync(QueueClient queue, QueueMessage message)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A message on {Queue} was handled but could not be deleted; it will be handled again", listener.QueueName);
        }
    }

    /// <summary>Copied to the poison queue as it was, then deleted: never dropped. Kept until someone deals with it.</summary>
    private async Task SetAsideAsync(QueueClient queue, QueueClient poison, QueueMessage message, string why)
    {
        logger.LogError("A message on {Queue} was set aside on {PoisonQueue}: {Why}", listener.QueueName, PoisonQueueName, why);
        await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    /// <summary>A message that is not Base64 can never be read: set aside at once, as the Functions runtime does.</summary>
    private async Task SetAsideUndecodableAsync(QueueMessageDecodingFailedEventArgs args, QueueClient poison)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        await services.GetRequiredService<IngestionFailures>().RecordAsync(message.Body.ToString(), "The message is not Base64 text, so it can never be read.");
        logger.LogError("A message on {Queue} is not Base64; set aside on {PoisonQueue}", listener.QueueName, PoisonQueueName);
        await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: CancellationToken.None);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }
}
