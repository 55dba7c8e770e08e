using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Soliday.Words;

/// <summary>
/// Every sentence residents and the public read, in the site's language (<c>Site:Language</c>),
/// by key: <c>Words["status.title"]</c>, <c>Words.Say("about.day", ("date", …))</c>,
/// <c>Words.Count("numbers.entries", n)</c>. A sentence the language lacks is said in English; a
/// key English lacks throws, and a unit test reads every key the code uses, so it throws there
/// first. Pages inject it; the curators' pages stay in English and do not.
/// </summary>
public sealed class SiteWords
{
    private readonly LanguageFile _language;
    private readonly LanguageFile _english;

    public SiteWords(LanguageFile language, LanguageFile english)
    {
        _language = language;
        _english = english;
        Culture = language.Culture;
    }

    /// <summary>The words of <c>Site:Language</c>, from the shipped files and <c>Site:LanguageFolder</c>.</summary>
    public static SiteWords For(WordsOptions options)
    {
        var files = LanguageFiles.Load(options.LanguageFolder);
        var english = files[WordsOptions.English];
        return files.TryGetValue(options.Language, out var language)
            ? new SiteWords(language, english)
            : throw new InvalidOperationException($"Site:Language is {options.Language}, but there is no file for it: add {options.Language}.json (docs/translating.md). There are: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}.");
    }

    /// <summary>English, as the site speaks unless told otherwise.</summary>
    public static SiteWords English { get; } = new(LanguageFiles.English, LanguageFiles.English);

    /// <summary>What the pages declare as <c>lang</c>.</summary>
    public string Language => _language.Language;

    /// <summary>What the pages declare as <c>dir</c>: <c>ltr</c> or <c>rtl</c>.</summary>
    public string Direction => _language.Direction;

    /// <summary>Writes dates and numbers as the language does.</summary>
    public CultureInfo Culture { get; }

    /// <summary>A sentence without placeholders.</summary>
    public string this[string key] => Say(key);

    /// <summary>A sentence with its placeholders filled by name.</summary>
    public string Say(string key, params (string Name, object? Value)[] values) =>
        Fill(key, FormsOf(key)[PluralRules.Other], values);

    /// <summary>
    /// A sentence about a count, in the plural form the language gives that count (falling back to
    /// "other"); <c>{count}</c> is the number as the language writes it.
    /// </summary>
    public string Count(string key, long count, params (string Name, object? Value)[] values)
    {
        var forms = FormsOf(key);
        var category = PluralRules.Category(Language, count);
        var sentence = forms.TryGetValue(category, out var form) ? form : forms[PluralRules.Other];
        return Fill(key, sentence, [("count", count), .. values]);
    }

    /// <summary>
    /// A sentence with parts of a page in it (a link in the middle, say): the words are encoded as
    /// text, each named part rendered where its placeholder stands, in the language's word order.
    /// </summary>
    public RenderFragment Sentence(string key, params (string Name, RenderFragment Part)[] parts) => builder =>
    {
        var sentence = FormsOf(key)[PluralRules.Other];
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in LanguageFile.Placeholder().Matches(sentence))
        {
            var part = parts.FirstOrDefault(p => p.Name == match.Groups[1].Value).Part
                ?? throw new InvalidOperationException($"The sentence \"{key}\" has {{{match.Groups[1].Value}}}, and no part was given for it.");
            builder.AddContent(0, sentence[at..match.Index]);
            builder.AddContent(1, part);
            at = match.Index + match.Length;
        }

        builder.AddContent(2, sentence[at..]);
    };

    /// <summary>Text for a part of <see cref="Sentence"/>: encoded like any other.</summary>
    public static RenderFragment Text(string? text) => builder => builder.AddContent(0, text);

    /// <summary>
    /// A sentence for a page's script to say (search.js, wall.js, submit.js, site.js): as the language
    /// writes it, its <c>{name}</c> placeholders left for the script to fill. The page puts it in a
    /// <c>data-say-*</c> attribute of the element the script works on, so the script carries no words.
    /// </summary>
    public string ForScript(string key) => FormsOf(key)[PluralRules.Other];

    /// <summary>
    /// A sentence about a count for a page's script: every plural form the language gives it, as JSON
    /// (<c>{"one":"{count} entry found.","other":"{count} entries found."}</c>); the script picks
    /// with <c>Intl.PluralRules</c> for the page's <c>lang</c>, and falls back to <c>other</c>.
    /// </summary>
    public string FormsForScript(string key) => JsonSerializer.Serialize(FormsOf(key), ScriptJson);

    /// <summary>Letters as they are (a translation stays readable and small); HTML's own characters escaped all the same.</summary>
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>"09:00 to 10:00": an hour of the day and the next.</summary>
    public string HourRange(int hour) => this.Say("site.hourRange", ("from", Hour(hour)), ("to", Hour((hour + 1) % 24)));

    /// <summary>A day, in words: "Saturday 6 June 2026".</summary>
    public string Date(DateOnly day) => day.ToString(this["format.date"], Culture);

    /// <summary>A time of day, as the language writes one: "14:05".</summary>
    public string Time(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(this["format.time"], Culture);

    /// <summary>A day and a time: "6 June 2026 at 14:05".</summary>
    public string DateAndTime(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(this["format.dateAndTime"], Culture);

    /// <summary>The time alone on the day itself; a full date when a photo was taken on another day.</summary>
    public string Moment(DateTimeOffset moment, TimeZoneInfo zone, DateOnly day) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime) == day ? Time(moment, zone) : DateAndTime(moment, zone);

    /// <summary>The start of an hour: "09:00"; 24, the end of the day, as the language says it ("24:00").</summary>
    public string Hour(int hour) => hour == HoursInDay ? this["site.endOfDay"] : new TimeOnly(hour, 0).ToString(this["format.time"], Culture);

    private const int HoursInDay = 24;

    /// <summary>A number as the language writes it: "1,234".</summary>
    public string Number(long number) => number.ToString("N0", Culture);

    private IReadOnlyDictionary<string, string> FormsOf(string key) =>
        _language.Sentences.TryGetValue(key, out var forms) ? forms
        : _english.Sentences.TryGetValue(key, out var english) ? english
        : throw new KeyNotFoundException($"No sentence \"{key}\" in {WordsOptions.English}.json: add it there (and to every other language's file).");

    private string Fill(string key, string sentence, (string Name, object? Value)[] values)
    {
        if (!sentence.Contains('{', StringComparison.Ordinal))
        {
            return sentence; // most sentences: no placeholder to look for
        }

        var filled = new StringBuilder(sentence.Length);
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in LanguageFile.Placeholder().Matches(sentence))
        {
            var name = match.Groups[1].Value;
            var value = Array.Find(values, v => v.Name == name);
            if (value.Name is null)
            {
                throw new InvalidOperationException($"The sentence \"{key}\" has {{{name}}}, and no value was given for it.");
            }

            filled.Append(sentence, at, match.Index - at).Append(value.Value is long or int ? Number(Convert.ToInt64(value.Value, CultureInfo.InvariantCulture)) : Convert.ToString(value.Value, Culture));
            at = match.Index + match.Length;
        }

        return filled.Append(sentence, at, sentence.Length - at).ToString();
    }
}
