using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Soliday.Submissions;
using Soliday.Words;

namespace Soliday.Tests.Submissions;

/// <summary>The report form's checks: what a person is asked to fix, in their words, before a report is kept.</summary>
public sealed class ProblemReportFormTests
{
    [Fact]
    public void A_report_with_a_reason_and_nothing_else_is_kept()
    {
        var errors = ProblemReportForm.Check(new ProblemReportValues(ReportReasons.InPhotoWithoutConsent, "", "", null), SiteWords.English);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("delete-everything")]
    public void A_report_without_one_of_the_offered_reasons_is_asked_for_one(string reason)
    {
        var errors = ProblemReportForm.Check(new ProblemReportValues(reason, "Please look at this", "", null), SiteWords.English);

        Assert.Equal("Please choose what the problem is.", errors[ProblemReportForm.Reason]);
    }

    [Fact]
    public void Something_else_needs_a_few_words_to_say_what()
    {
        var errors = ProblemReportForm.Check(new ProblemReportValues(ReportReasons.Other, "", "", null), SiteWords.English);

        Assert.Equal("Please tell us in a few words what the problem is.", errors[ProblemReportForm.Words]);
    }

    [Fact]
    public void Words_past_the_limit_are_refused_saying_how_many_were_written()
    {
        var words = new string('a', ProblemReportForm.MaxWordsLength + 1);

        var errors = ProblemReportForm.Check(new ProblemReportValues(ReportReasons.Private, words, "", null), SiteWords.English);

        Assert.Equal("Please say it in at most 2000 characters (you wrote 2001).", errors[ProblemReportForm.Words]);
    }

    [Fact]
    public void Words_exactly_at_the_limit_are_kept_with_a_line_break_counted_as_the_browser_counts_it()
    {
        var words = new string('a', ProblemReportForm.MaxWordsLength - 2) + "\r\nb";
        var form = new FormCollection(new Dictionary<string, StringValues> { [ProblemReportForm.Reason] = ReportReasons.Hurtful, [ProblemReportForm.Words] = words });

        var values = ProblemReportForm.Read(form);

        Assert.Equal(ProblemReportForm.MaxWordsLength, values.Words.Length);
        Assert.Empty(ProblemReportForm.Check(values, SiteWords.English));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("someone@")]
    [InlineData("two@at@example.org")]
    public void A_reply_address_that_cannot_be_one_is_asked_again(string email)
    {
        var errors = ProblemReportForm.Check(new ProblemReportValues(ReportReasons.Private, "", email, null), SiteWords.English);

        Assert.Equal("Please check the email address, or leave it empty: it is optional.", errors[ProblemReportForm.Email]);
    }

    [Fact]
    public void Every_offered_reason_has_plain_words_and_the_urgent_one_comes_first()
    {
        Assert.Equal(ReportReasons.InPhotoWithoutConsent, ReportReasons.All[0].Code);
        Assert.Equal("I am in this photo and did not agree", ReportReasons.WordsFor(ReportReasons.InPhotoWithoutConsent));
        Assert.All(ReportReasons.All, reason => Assert.True(ReportReasons.IsKnown(reason.Code)));
        Assert.True(new ProblemReport("r", "e", ReportReasons.InPhotoWithoutConsent, "", null, DateTimeOffset.UnixEpoch).IsUrgent);
        Assert.False(new ProblemReport("r", "e", ReportReasons.Other, "x", null, DateTimeOffset.UnixEpoch).IsUrgent);
    }
}
