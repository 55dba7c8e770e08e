using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Soliday.Workflow;

namespace Soliday.Functions.Workflow;

/// <summary>
/// An entry's durable workflow as Azure Functions: the orchestration and its activities. Their
/// names are the durable engine's: instances in flight call them by name, so a name never changes.
/// </summary>
public sealed class WorkflowFunctions(
    SubmissionActivities submission,
    ImagingActivities imaging,
    PreparationActivities preparation,
    CurationActivities curation,
    HashtagActivities hashtags,
    TimelineActivities timeline,
    NotificationActivities notifications)
{
    [Function(nameof(SubmissionOrchestration))]
    public static Task<SubmissionWorkflowResult> RunOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SubmissionOrchestration.RunAsync(context, context.GetInput<SubmissionWorkflowRequest>()!);

    [Function(nameof(PreparationActivities.PrepareAndOffer))]
    public Task<PrepareAndOfferResult> PrepareAndOffer([ActivityTrigger] PrepareAndOfferRequest request) =>
        preparation.PrepareAndOffer(request);

    // The three steps PrepareAndOffer replaced: workflows started before it still call them.
    [Function(nameof(SubmissionActivities.BeginProcessing))]
    public Task<BeginProcessingResult> BeginProcessing([ActivityTrigger] BeginProcessingRequest request) =>
        submission.BeginProcessing(request);

    [Function(nameof(ImagingActivities.PreparePhoto))]
    public Task<PreparePhotoResult> PreparePhoto([ActivityTrigger] PreparePhotoRequest request) =>
        imaging.PreparePhoto(request);

    [Function(nameof(CurationActivities.OfferForCuration))]
    public Task<OfferForCurationResult> OfferForCuration([ActivityTrigger] OfferForCurationRequest request) =>
        curation.OfferForCuration(request);

    [Function(nameof(CurationActivities.ApplyChange))]
    public Task<ApplyChangeResult> ApplyChange([ActivityTrigger] ApplyChangeRequest request) =>
        curation.ApplyChange(request);

    [Function(nameof(CurationActivities.RemindCurators))]
    public Task<RemindCuratorsResult> RemindCurators([ActivityTrigger] RemindCuratorsRequest request) =>
        curation.RemindCurators(request);

    [Function(nameof(CurationActivities.DiscardEntry))]
    public Task<DiscardEntryResult> DiscardEntry([ActivityTrigger] DiscardEntryRequest request) =>
        curation.DiscardEntry(request);

    [Function(nameof(HashtagActivities.CheckSourcePost))]
    public Task<CheckSourcePostResult> CheckSourcePost([ActivityTrigger] CheckSourcePostRequest request) =>
        hashtags.CheckSourcePost(request);

    [Function(nameof(TimelineActivities.PublishEntry))]
    public Task<PublishEntryResult> PublishEntry([ActivityTrigger] PublishEntryRequest request) =>
        timeline.PublishEntry(request);

    [Function(nameof(NotificationActivities.NotifyResident))]
    public Task<NotifyResidentResult> NotifyResident([ActivityTrigger] NotifyResidentRequest request) =>
        notifications.NotifyResident(request);

    [Function(nameof(SubmissionActivities.RequestErasure))]
    public Task<RequestErasureResult> RequestErasure([ActivityTrigger] RequestErasureRequest request) =>
        submission.RequestErasure(request);
}
