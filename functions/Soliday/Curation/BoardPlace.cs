using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Soliday.Curation;

/// <summary>
/// Where a curator is on the board: the filters, the page (its continuation), the card an error is
/// about, and whether every box is ticked. What the page is drawn from, and what an action brings
/// them back to.
/// </summary>
public sealed record BoardPlace(BoardFilter Filter, string? Continuation)
{
    public string? ProblemCard { get; init; }

    public bool SelectAll { get; init; }

    public static BoardPlace Of(IQueryCollection query) => new(BoardQuery.Filter(query), BoardQuery.Continuation(query))
    {
        SelectAll = query["select"] == "all",
    };

    /// <summary>The place an action's form said to come back to.</summary>
    public static BoardPlace Of(string? returnQuery) => Of(new QueryCollection(QueryHelpers.ParseQuery(returnQuery)));
}
