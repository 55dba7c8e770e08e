using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Soliday.Curation;

namespace Soliday.Tests.Curation;

/// <summary>Where an action brings a curator back to, and what the notice says: rebuilt from what was parsed, never echoed.</summary>
public sealed class BoardQueryTests
{
    private const string Next = "0123456789abcdef0123456789abcdef";
    private const string Acted = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void After_an_action_the_page_keeps_its_filters_order_and_page_and_scrolls_to_the_next_card()
    {
        var url = BoardQuery.AfterAction("state=awaiting-curation&flag=duplicate&order=newest&continuation=page%2F2&injected=%3Cscript%3E", $"notice=approve&subject={Acted}", Next);

        Assert.Equal($"/api/curation?state=awaiting-curation&flag=duplicate&order=newest&continuation=page%2F2&notice=approve&subject={Acted}#c-{Next}", url);
    }

    [Fact]
    public void Without_a_valid_next_card_the_page_returns_to_the_list_of_entries()
    {
        Assert.EndsWith("#entries-title", BoardQuery.AfterAction(null, "notice=approved&count=2", "\"><script>"));
    }

    [Fact]
    public void A_notice_names_the_entry_by_its_caption_cut_short()
    {
        var query = Query($"notice=approve&subject={Acted}");

        Assert.Equal("Approved “Swans on the canal”: publishing now.", BoardQuery.NoticeFor(query, "Swans on the canal"));
        var named = BoardQuery.NoticeFor(query, string.Join(' ', Enumerable.Repeat("A very long caption", 20)))!;
        Assert.True(named.Length < 100, named);
        Assert.Equal($"Approved entry {Acted}: publishing now.", BoardQuery.NoticeFor(query));
        Assert.Equal("Approved 3 entries: publishing now.", BoardQuery.NoticeFor(Query("notice=approved&count=3")));
    }

    [Fact]
    public void Only_refusals_are_shown_beside_a_card()
    {
        Assert.True(BoardQuery.IsProblem(Query("notice=reason-needed")));
        Assert.False(BoardQuery.IsProblem(Query("notice=approve")));
    }

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}
