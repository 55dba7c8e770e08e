using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CsvHelper;
using Soliday.Tests.Support;
using Soliday.Timeline;
using Soliday.Timeline.OpenData;

namespace Soliday.Tests.Timeline.OpenData;

/// <summary>
/// The feeds and open data as published, read back with parsers that are not Soliday's writers:
/// each format carries what its specification requires, and awkward captions survive the trip.
/// </summary>
public sealed class OpenDataTests(OpenDataTests.PublishedDay day) : IClassFixture<OpenDataTests.PublishedDay>
{
    /// <summary>Captions that break naive writers: separators, quotes, line breaks, markup, formulas, emoji.</summary>
    public static readonly string[] AwkwardCaptions =
    [
        "Tea, cake, and \"proper\" chat at the community centre",
        "Line one\nLine two\r\nLine three, after a blank\n\nline",
        "<b>Bold</b> & <script>alert('x')</script> friends",
        "=HYPERLINK(\"http://example.com\",\"click\") is not a formula here",
        "Ünïcödé café in Knowle 🌳🚲",
        "A caption with a \u0001 control character",
    ];

    [Fact]
    public async Task The_CSV_reads_back_with_every_caption_as_written()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes(await day.Site.RequiredSiteFileAsync(SitePaths.Csv));
        using var reader = new CsvDataReader(CsvReader.Create(csv, CsvReaderOptions.Default), leaveOpen: false);
        Assert.Equal(CsvFile.Columns, Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var records = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            records.Add(CsvFile.Columns.ToDictionary(c => c, c => reader.GetString(reader.GetOrdinal(c))));
        }

        Assert.Equal(day.Ids.Count, records.Count);
        foreach (var (id, caption) in day.Ids.Zip(AwkwardCaptions))
        {
            var record = Assert.Single(records, r => r["id"] == id);
            // A leading = is defused with an apostrophe, so spreadsheets show it rather than run it.
            Assert.Equal(caption.StartsWith('=') ? "'" + caption : caption, record["caption"]);
            Assert.Equal($"{SiteHarness.PublicUrl}entries/{id}.html", record["url"]);
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", record["licence_url"]);
            Assert.EndsWith("-1600.jpg", record["image_url"]);
            Assert.Equal("Brueton Park", record["place_tag"]);
        }
    }

    [Fact]
    public async Task The_Atom_feed_parses_and_has_what_RFC_4287_requires()
    {
        var xml = await day.Site.RequiredSiteFileAsync(SitePaths.AtomFeed);

        using var reader = XmlReader.Create(new StringReader(xml));
        var feed = SyndicationFeed.Load(reader);
        Assert.Equal(day.Ids.Count, feed.Items.Count());
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var document = XDocument.Parse(xml);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.NotNull(document.Root!.Element(atom + required));
        }

        Assert.Equal($"{SiteHarness.PublicUrl}feed.atom", document.Root!.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        foreach (var entry in document.Root.Elements(atom + "entry"))
        {
            Assert.All(new[] { "id", "title", "updated" }, name => Assert.False(string.IsNullOrWhiteSpace(entry.Element(atom + name)?.Value)));
            Assert.NotNull(entry.Element(atom + "author")?.Element(atom + "name"));
        }

        var markup = feed.Items.Single(i => i.Id.Contains(day.Ids[2], StringComparison.Ordinal));
        var content = Assert.IsType<TextSyndicationContent>(markup.Content).Text;
        Assert.Contains("&lt;script&gt;", content); // the HTML a reader renders shows the caption as text
        Assert.DoesNotContain("<script>", content);
        Assert.Contains(feed.Items, i => i.Title.Text.Contains("control character", StringComparison.Ordinal)); // the feed survived it
    }

    [Fact]
    public async Task The_JSON_Feed_has_what_version_1_1_requires()
    {
        var feed = JsonNode.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.JsonFeed))!;

        Assert.Equal("https://jsonfeed.org/version/1.1", feed["version"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(feed["title"]!.GetValue<string>()));
        Assert.Equal($"{SiteHarness.PublicUrl}feed.json", feed["feed_url"]!.GetValue<string>());
        var items = feed["items"]!.AsArray();
        Assert.Equal(day.Ids.Count, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item!["id"]!.GetValue<string>()));
            Assert.True(item["content_html"] is not null || item["content_text"] is not null);
            Assert.True(DateTimeOffset.TryParse(item["date_published"]!.GetValue<string>(), CultureInfo.InvariantCulture, out _));
            Assert.NotEmpty(item["authors"]!.AsArray());
        }

        var texts = items.Select(i => i!["content_text"]!.GetValue<string>()).ToList();
        Assert.Contains(AwkwardCaptions[1], texts); // line breaks kept, as JSON escapes
    }

    [Fact]
    public async Task Each_IIIF_manifest_has_the_properties_Presentation_3_requires()
    {
        foreach (var id in day.Ids)
        {
            var manifest = JsonNode.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.IiifManifest(id)))!;

            Assert.Equal("http://iiif.io/api/presentation/3/context.json", manifest["@context"]!.GetValue<string>());
            Assert.Equal($"{SiteHarness.PublicUrl}iiif/{id}.json", manifest["id"]!.GetValue<string>());
            Assert.Equal("Manifest", manifest["type"]!.GetValue<string>());
            Assert.NotEmpty(manifest["label"]!["en"]!.AsArray());
            Assert.Equal("http://creativecommons.org/licenses/by/4.0/", manifest["rights"]!.GetValue<string>());
            Assert.NotNull(manifest["requiredStatement"]!["value"]!["en"]);
            var canvas = Assert.Single(manifest["items"]!.AsArray())!;
            Assert.Equal("Canvas", canvas["type"]!.GetValue<string>());
            Assert.True(canvas["width"]!.GetValue<int>() > 0 && canvas["height"]!.GetValue<int>() > 0);
            var page = Assert.Single(canvas["items"]!.AsArray())!;
            Assert.Equal("AnnotationPage", page["type"]!.GetValue<string>());
            Assert.StartsWith(canvas["id"]!.GetValue<string>(), page["id"]!.GetValue<string>());
            var painting = Assert.Single(page["items"]!.AsArray())!;
            Assert.Equal("Annotation", painting["type"]!.GetValue<string>());
            Assert.Equal("painting", painting["motivation"]!.GetValue<string>());
            Assert.Equal(canvas["id"]!.GetValue<string>(), painting["target"]!.GetValue<string>());
            var body = painting["body"]!;
            Assert.Equal("Image", body["type"]!.GetValue<string>());
            Assert.Equal("image/jpeg", body["format"]!.GetValue<string>());
            Assert.StartsWith($"{SiteHarness.PublicUrl}media/{id}/", body["id"]!.GetValue<string>());
            Assert.Equal(canvas["width"]!.GetValue<int>(), body["width"]!.GetValue<int>());
        }

        var collection = JsonNode.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.IiifCollection))!;
        Assert.Equal("Collection", collection["type"]!.GetValue<string>());
        Assert.Equal(
            day.Ids.Select(id => $"{SiteHarness.PublicUrl}iiif/{id}.json").Order(),
            collection["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task The_JSON_LD_is_valid_JSON_with_Dublin_Core_and_schema_org_terms()
    {
        var document = JsonNode.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.JsonLd))!;

        Assert.Equal(JsonLdFile.DublinCore, document["@context"]!["dcterms"]!.GetValue<string>());
        Assert.Equal(JsonLdFile.SchemaOrg, document["@context"]!["schema"]!.GetValue<string>());
        var graph = document["@graph"]!.AsArray();
        Assert.Equal(day.Ids.Count, graph.Count);
        foreach (var node in graph)
        {
            Assert.Equal("schema:ImageObject", node!["@type"]!.GetValue<string>());
            foreach (var term in new[] { "@id", "dcterms:title", "dcterms:creator", "dcterms:created", "schema:creditText", "schema:contentUrl" })
            {
                Assert.NotNull(node[term]);
            }

            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", node["schema:license"]!["@id"]!.GetValue<string>());
            Assert.Equal("schema:Person", node["schema:creator"]!["@type"]!.GetValue<string>());
        }

        Assert.Contains(graph, n => n!["dcterms:description"]?.GetValue<string>() == AwkwardCaptions[4]);
    }

    [Fact]
    public async Task The_TimelineJS_data_has_a_title_and_one_event_per_entry_with_text_encoded_as_HTML()
    {
        var timeline = JsonNode.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.TimelineJs))!;

        Assert.Equal("#Soliday", timeline["title"]!["text"]!["headline"]!.GetValue<string>());
        var events = timeline["events"]!.AsArray();
        Assert.Equal(day.Ids.Count, events.Count);
        Assert.All(events, e => Assert.Equal("2026", e!["start_date"]!["year"]!.GetValue<string>()));
        var markup = events.Single(e => e!["unique_id"]!.GetValue<string>() == $"e-{day.Ids[2]}")!;
        Assert.StartsWith("&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;", markup["text"]!["text"]!.GetValue<string>()); // TimelineJS renders it as HTML: it must be encoded
    }

    [Fact]
    public async Task The_sitemap_lists_the_day_its_pages_the_hours_and_every_entry()
    {
        var sitemap = XDocument.Parse(await day.Site.RequiredSiteFileAsync(SitePaths.Sitemap));
        var ns = XNamespace.Get(SitemapFile.Namespace);

        var locations = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();

        Assert.Contains($"{SiteHarness.PublicUrl}index.html", locations);
        Assert.Contains($"{SiteHarness.PublicUrl}hours/23.html", locations);
        Assert.All(["about.html", "search.html", "wall.html", "poster.html", "numbers.html", "reuse.html"], page => Assert.Contains($"{SiteHarness.PublicUrl}{page}", locations));
        Assert.All(day.Ids, id => Assert.Contains($"{SiteHarness.PublicUrl}entries/{id}.html", locations));
        Assert.Equal(7 + 24 + day.Ids.Count, locations.Count);
    }

    /// <summary>One entry per awkward caption, published on one Azurite, read by every test here.</summary>
    public sealed class PublishedDay : IAsyncLifetime
    {
        private readonly AzuriteFixture _azurite = new();

        public SiteHarness Site { get; private set; } = null!;

        public IReadOnlyList<string> Ids { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await _azurite.InitializeAsync();
            Site = await SiteHarness.StartAsync(_azurite);
            var ids = new List<string>();
            for (var i = 0; i < AwkwardCaptions.Length; i++)
            {
                var entry = await Site.AddAsync(AwkwardCaptions[i], hour: 8 + (i * 3), tags: ["#awkward", "place:Brueton Park"], credit: "Sam, from \"the Green\"");
                ids.Add(await Site.PublishAsync(entry));
            }

            Ids = ids;
        }

        public async Task DisposeAsync()
        {
            await Site.DisposeAsync();
            await _azurite.DisposeAsync();
        }
    }
}
