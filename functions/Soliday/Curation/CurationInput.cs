using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Soliday.Curation;

/// <summary>
/// What a curator sent with an action, from the curation page's form or from a JSON client, in one
/// shape. Fields that do not apply to an action are simply left empty. <c>next</c> is the card
/// after this one on the page: where the curator is brought back to. <c>moment</c> is the time the
/// resident gave (<c>HH:mm</c>): sent empty, it clears it; left out, it stays.
/// </summary>
public sealed record CurationInput(
    string? Reason = null,
    string? Text = null,
    string? Credit = null,
    IReadOnlyList<string>? Alts = null,
    IReadOnlyList<string>? Tags = null,
    bool? Featured = null,
    IReadOnlyList<string>? Ids = null,
    string? Action = null,
    string? FormToken = null,
    string? Return = null,
    string? Next = null,
    string? Moment = null)
{
    public const int MaxReasonLength = 500;

    public static async Task<CurationInput?> ReadAsync(HttpRequest request, string? id = null)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

            // On the page every card shares one form, so a card's fields carry its id: reason-{id}.
            string? CardField(string name) => Field(id is null ? name : $"{name}-{id}") ?? Field(name);

            // Sent empty means something here (clear the time), so presence is told from emptiness.
            string? SentField(string name) =>
                form.TryGetValue(id is null ? name : $"{name}-{id}", out var value) || form.TryGetValue(name, out value) ? value.ToString() : null;
            return new CurationInput(
                Reason: CardField("reason"),
                Text: CardField("text"),
                Credit: CardField("credit"),
                Alts: form["alt"].Count > 0 ? [.. form["alt"].Select(a => a ?? "")] : null,
                Tags: CardField("tags")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Featured: CardField("featured") is { } featured ? featured is "true" or "on" : null,
                Ids: [.. form["ids"].OfType<string>()],
                Action: Field("action"),
                FormToken: Field("form-token"),
                Return: Field("return"),
                Next: CardField("next"),
                Moment: SentField("moment"));
        }

        if (request.ContentLength is 0 or null && !request.Headers.ContainsKey("Transfer-Encoding"))
        {
            return new CurationInput();
        }

        try
        {
            return await request.ReadFromJsonAsync<CurationInput>(Storage.SolidayJson.Options, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not JSON we can read
        }
    }
}
