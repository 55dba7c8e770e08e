using Microsoft.Azure.Functions.Worker;
using Soliday.Timeline;

namespace Soliday.Functions.Timeline;

public sealed class TimelineFunctions(TimelinePublisher publisher)
{
    [Function(nameof(TimelinePublisher.PublishEntry))]
    public Task<PublishEntryResult> PublishEntry([ActivityTrigger] PublishEntryRequest request) =>
        publisher.PublishEntry(request);
}
