using Soliday.Testing;
using Soliday.Words;
using Soliday.Workflow;

namespace Soliday.Tests.Workflow;

/// <summary>The reasons the workflow gives of its own are written on the entry in the site's language; a curator's pass as they are.</summary>
public sealed class WorkflowReasonsTests
{
    [Fact]
    public void The_workflow_s_own_reasons_are_said_in_the_site_s_language()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var reasons = new WorkflowReasons(SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder }));

            Assert.Equal(PseudoLanguage.Say("reason.expired"), reasons.Say(SubmissionOrchestration.ExpiredReason));
            Assert.Equal(PseudoLanguage.Say("reason.fault"), reasons.Say(SubmissionOrchestration.FaultReason));
            Assert.Equal(PseudoLanguage.Say("reason.removedByCurator"), reasons.Say(SubmissionOrchestration.RemovedByCuratorReason));
            Assert.Equal("It shows a private garden.", reasons.Say("It shows a private garden."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(SubmissionOrchestration.ExpiredReason)]
    [InlineData(SubmissionOrchestration.FaultReason)]
    [InlineData(SubmissionOrchestration.DeletedAtSourceReason)]
    [InlineData(SubmissionOrchestration.DeletedAfterPublicationReason)]
    [InlineData(SubmissionOrchestration.RemovedByCuratorReason)]
    public void In_English_each_reason_is_the_sentence_the_workflow_gives(string reason)
    {
        Assert.Equal(reason, new WorkflowReasons(SiteWords.English).Say(reason));
    }
}
