using Soliday.Words;

namespace Soliday.Workflow;

/// <summary>
/// The reasons the workflow itself gives for an entry it ends (no curator in time, a fault, a post
/// deleted at its source), said in the site's language where they are written on the entry, for
/// its status page and its note. The orchestration passes them in English, as its history has
/// always held them, so a workflow running when the app is updated replays as it ran; a curator's
/// or a refused photo's reason is already in its words and passes as it is.
/// </summary>
public sealed class WorkflowReasons(SiteWords words)
{
    public string Say(string reason) => reason switch
    {
        SubmissionOrchestration.ExpiredReason => words["reason.expired"],
        SubmissionOrchestration.FaultReason => words["reason.fault"],
        SubmissionOrchestration.DeletedAtSourceReason => words["reason.deletedAtSource"],
        SubmissionOrchestration.DeletedAfterPublicationReason => words["reason.deletedAfterPublication"],
        SubmissionOrchestration.RemovedByCuratorReason => words["reason.removedByCurator"],
        _ => reason,
    };
}
