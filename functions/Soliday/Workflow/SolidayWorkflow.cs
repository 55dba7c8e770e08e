using Soliday.Curation;
using Soliday.Hashtags;
using Soliday.Imaging;
using Soliday.Submissions;
using Soliday.Timeline;
using static Soliday.Workflow.WorkflowDefinition;

namespace Soliday.Workflow;

/// <summary>
/// Every orchestrator and activity Soliday runs. Soliday.Local registers exactly these with its
/// durable worker; Soliday.Functions declares one function per entry, and a parity test holds the
/// two to the same list.
/// </summary>
public static class SolidayWorkflow
{
    public static IReadOnlyList<OrchestratorDefinition> Orchestrators { get; } =
    [
        Orchestrator<SubmissionWorkflowRequest, SubmissionWorkflowResult>(nameof(SubmissionOrchestration), SubmissionOrchestration.RunAsync),
    ];

    public static IReadOnlyList<ActivityDefinition> Activities { get; } =
    [
        Activity<SubmissionSteps, BeginProcessingRequest, BeginProcessingResult>(nameof(SubmissionSteps.BeginProcessing), (s, r) => s.BeginProcessing(r)),
        Activity<PhotoPreparation, PreparePhotoRequest, PreparePhotoResult>(nameof(PhotoPreparation.PreparePhoto), (s, r) => s.PreparePhoto(r)),
        Activity<CurationSteps, OfferForCurationRequest, OfferForCurationResult>(nameof(CurationSteps.OfferForCuration), (s, r) => s.OfferForCuration(r)),
        Activity<CurationSteps, ApplyChangeRequest, ApplyChangeResult>(nameof(CurationSteps.ApplyChange), (s, r) => s.ApplyChange(r)),
        Activity<CurationSteps, RemindCuratorsRequest, RemindCuratorsResult>(nameof(CurationSteps.RemindCurators), (s, r) => s.RemindCurators(r)),
        Activity<SourcePostCheck, CheckSourcePostRequest, CheckSourcePostResult>(nameof(SourcePostCheck.CheckSourcePost), (s, r) => s.CheckSourcePost(r)),
        Activity<TimelinePublisher, PublishEntryRequest, PublishEntryResult>(nameof(TimelinePublisher.PublishEntry), (s, r) => s.PublishEntry(r)),
        Activity<CurationSteps, DiscardEntryRequest, DiscardEntryResult>(nameof(CurationSteps.DiscardEntry), (s, r) => s.DiscardEntry(r)),
        Activity<ErasureRequests, RequestErasureRequest, RequestErasureResult>(nameof(ErasureRequests.RequestErasure), (s, r) => s.RequestErasure(r)),
    ];
}
