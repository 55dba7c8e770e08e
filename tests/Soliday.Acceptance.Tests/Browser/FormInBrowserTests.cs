using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>The form as residents use it: real Chromium, keyboard only, checked with axe-core.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class FormInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    /// <summary>A post's answer, on a shared host other tests keep busy decoding photos: seconds, not Playwright's default five.</summary>
    private const float SentFormTimeout = 30_000;

    private static readonly string[] ThreePhotos =
    [
        Corpus.File("real-exif", "EX__jpg_mobile_jolla.jpg"),
        Corpus.File("real-exif", "EX__jpg_gps_DSCN0042.jpg"),
        Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"),
    ];

    private static readonly string[] ThreeDescriptions =
    [
        "Baskets of vegetables on the church steps",
        "Stalls with striped awnings on Mell Square",
        "A pink flower in the Malvern Park borders",
    ];

    [Fact]
    public async Task A_resident_chooses_three_photos_at_once_describes_each_with_the_keyboard_alone_and_reaches_the_status_page()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 390);
        page.FileChooser += KeepChooserIntercepted; // see the test without JavaScript
        await page.GotoAsync("/api/submit");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form", 390, 1280);

        await page.TabToAsync("photo");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        Assert.True(chooser.IsMultiple, "one picker takes several photos");
        await chooser.SetFilesAsync(ThreePhotos);

        var previews = page.Locator(".chosen-photo img"); // the script's previews, from blob: URLs
        await Assertions.Expect(previews.Nth(2)).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await previews.Nth(i).LoadedImageWidthAsync() > 0, $"the preview of photo {i + 1} did not load (is blob: allowed in img-src?)");
        }

        Assert.Equal("alt", await page.FocusedIdAsync()); // straight to describing the first photo
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form-three-photos", 390, 1280);
        for (var i = 0; i < 3; i++)
        {
            await page.TabToAsync(i == 0 ? "alt" : $"alt-{i + 1}");
            await page.Keyboard.TypeAsync(ThreeDescriptions[i]);
        }

        await page.TabToAsync("caption");
        await page.Keyboard.TypeAsync("Harvest festival at St Alphege church");
        await page.TabToAsync("credit");
        await page.Keyboard.TypeAsync("Margaret");
        await page.TabToAsync("consent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter"); // sends the form, as Enter in any field does

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("entry");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(string.Join("; ", ThreeDescriptions)); // each photo with its own words, in order
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "remove my entry" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("status", 390, 1280);
    }

    [Fact]
    public async Task Without_JavaScript_a_resident_chooses_three_photos_in_three_fields_with_the_keyboard_alone()
    {
        // axe needs a script of its own: the form as it stands without ours is checked with submit.js kept out.
        var withoutOurScript = await browser.NewPageAsync(BaseAddress, width: 390);
        await withoutOurScript.RouteAsync("**/submit.js", route => route.AbortAsync());
        await withoutOurScript.GotoAsync("/api/submit");
        await Assertions.Expect(withoutOurScript.Locator("#photo-4")).ToBeVisibleAsync();
        await withoutOurScript.AssertAccessibleAsync();
        await withoutOurScript.ScreenshotAsync("form-no-script", 390, 1280);

        // Playwright turns the browser's file-chooser interception on and off with each wait, without
        // waiting for the browser to agree: under load a Space pressed meanwhile opened no chooser it
        // saw. A listener held from before the page opens keeps interception on throughout.
        var page = await browser.NewPageAsync(BaseAddress, width: 390, javaScript: false);
        page.FileChooser += KeepChooserIntercepted;
        await page.GotoAsync("/api/submit");

        for (var i = 0; i < 3; i++)
        {
            var number = i + 1;
            await page.TabToAsync(number == 1 ? "photo" : $"photo-{number}");
            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
            await chooser.SetFilesAsync(ThreePhotos[i]);
            await page.TabToAsync(number == 1 ? "alt" : $"alt-{number}");
            await page.Keyboard.TypeAsync(ThreeDescriptions[i]);
        }

        await page.TabToAsync("consent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(string.Join("; ", ThreeDescriptions));
    }

    private static void KeepChooserIntercepted(object? sender, IFileChooser chooser)
    {
    }

    [Fact]
    public async Task Errors_are_announced_the_first_is_focused_and_what_was_typed_is_kept()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(ThreePhotos[2]);
        await page.Locator("#alt").FillAsync(ThreeDescriptions[2]);
        await page.TabToAsync("caption");
        await page.Keyboard.TypeAsync("Rain on the Hub windows");
        await page.TabToAsync("credit");
        await page.Keyboard.TypeAsync("Dev");
        await page.Locator("#email").FillAsync("dev@hub"); // only the server checks an address
        await page.Locator("#consent").CheckAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error:"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please check the email address");
        Assert.Equal("email", await page.FocusedIdAsync()); // the first field in error
        Assert.Contains("email-error", await page.Locator("#email").GetAttributeAsync("aria-describedby") ?? "");
        await Assertions.Expect(page.Locator("#caption")).ToHaveValueAsync("Rain on the Hub windows");
        await Assertions.Expect(page.Locator("#credit")).ToHaveValueAsync("Dev");
        await Assertions.Expect(page.Locator("#alt")).ToHaveValueAsync(ThreeDescriptions[2]);
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToContainTextAsync("Your photo is kept for this try"); // and its photo with it
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form-errors", 390, 1280);
    }

    [Fact]
    public async Task A_photo_sent_with_a_form_that_came_back_is_kept_and_goes_with_the_next_try_without_being_chosen_again()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 390);
        var posted = new List<int>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posted.Add(request.PostDataBuffer?.Length ?? 0);
            }
        };
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "DN__jpg_Blackberry_Z10.jpg")); // 1.4 MB
        await page.Locator("#alt").FillAsync("A canal lock with a narrowboat");
        await page.Locator("#caption").FillAsync("Lapworth locks");
        await page.Locator("#email").FillAsync("sam@canal"); // the server sends the form back
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error:"), new() { Timeout = SentFormTimeout });

        var kept = page.Locator(".chosen-photo:visible");
        await Assertions.Expect(kept).ToHaveCountAsync(1);
        await Assertions.Expect(kept).ToContainTextAsync("Your photo is kept for this try: you do not need to choose it again.");
        Assert.True(await kept.Locator("img").LoadedImageWidthAsync() > 0, "the kept photo's preview did not load");
        await Assertions.Expect(page.Locator("#photos-hint")).Not.ToContainTextAsync("choose them again");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form-kept-photo", 390, 1280);

        await page.Locator("#email").FillAsync("");
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("A canal lock with a narrowboat"); // a photo entry, with its description
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("None: a written post");
        Assert.Equal(2, posted.Count);
        Assert.True(posted[1] < 100_000, $"the second try sent {posted[1]} bytes: the photo went again instead of its token");
    }

    [Fact]
    public async Task Without_JavaScript_a_photo_kept_from_the_last_try_goes_with_the_next()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(ThreePhotos[2]);
        await page.Locator("#alt").FillAsync(ThreeDescriptions[2]);
        await page.Locator("form.submission button[type=submit]").ClickAsync(); // no consent
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error:"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.Locator("#kept-1")).ToContainTextAsync("Your photo is kept for this try.");
        Assert.True(await page.Locator("#kept-1 img").LoadedImageWidthAsync() > 0, "the kept photo's preview did not load");

        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync(); // the photo not chosen again

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ThreeDescriptions[2]);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("None: a written post");
    }

    [Fact]
    public async Task What_the_server_would_refuse_in_the_boxes_is_said_before_anything_is_sent()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 390);
        // 08:00 on the day, British Summer Time: 21:15 has not come yet (the browser's own zone is not the day's).
        await page.Clock.SetFixedTimeAsync(DateTimeOffset.Parse("2008-10-22T08:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/api/submit");

        await page.Locator("form.submission button[type=submit]").ClickAsync(); // nothing at all

        await Assertions.Expect(page.Locator("#caption-error")).ToHaveTextAsync("Please add a photo, or write a few words about your day.");
        await Assertions.Expect(page.Locator("#consent-error")).ToHaveTextAsync("Please confirm you took the photo and that the people in it agreed to share it.");
        Assert.Equal("caption", await page.FocusedIdAsync());

        await page.Locator("#caption").FillAsync("Fireworks over Tudor Grange");
        await page.Locator("#moment").FillAsync("21:15");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#moment-error")).ToHaveTextAsync("It is not 21:15 yet. Please give the time it happened, or leave it empty.");
        await Assertions.Expect(page.Locator("#consent-error")).ToHaveCountAsync(0);
        Assert.Equal("moment", await page.FocusedIdAsync());
        Assert.Contains("moment-error", await page.Locator("#moment").GetAttributeAsync("aria-describedby") ?? "");
        Assert.Equal(0, posts);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form-checked-in-browser", 390, 1280);

        await page.Locator("#moment").FillAsync("07:45");
        await page.Locator("form.submission button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = SentFormTimeout });
    }

    [Fact]
    public async Task Without_JavaScript_a_description_whose_photo_did_not_come_is_asked_for_again_beside_its_field()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);
        await page.GotoAsync("/api/submit");
        await page.Locator("#alt-2").FillAsync(ThreeDescriptions[1]);
        await page.Locator("#caption").FillAsync("Market day");
        await page.Locator("#consent").CheckAsync();

        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error:"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.Locator("#photo-2-error")).ToContainTextAsync("You wrote a description of the photo, but the photo did not come with it");
        await Assertions.Expect(page.Locator("#photo-2")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#photo-2")).ToBeFocusedAsync(); // the first field in error
        await Assertions.Expect(page.Locator("#alt-2")).ToHaveValueAsync(ThreeDescriptions[1]);
    }

    [Fact]
    public async Task What_cannot_be_sent_is_said_beside_its_field_before_anything_is_sent()
    {
        var notAPhoto = Path.Combine(Path.GetTempPath(), "soliday-notes.txt");
        await File.WriteAllTextAsync(notAPhoto, "not a photo");
        var page = await browser.NewPageAsync(BaseAddress);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/api/submit");

        // Five photos and a file that is no photo: four are taken, the rest named.
        string[] five = [.. ThreePhotos, Corpus.File("real-exif", "EX__jpg_xmp_no_exif.jpg"), Corpus.File("real-exif", "RO__Portrait_0.jpg")];
        await page.Locator("#photo").SetInputFilesAsync([notAPhoto, .. five]);
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("\"soliday-notes.txt\" is not a kind of picture we can take");
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("You can send up to 4 photos with one entry, so \"RO__Portrait_0.jpg\" was left out.");

        await page.Locator("#alt").FillAsync(ThreeDescriptions[0]);
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#alt-2-error")).ToHaveTextAsync("Please describe photo 2 for people who cannot see it.");
        await Assertions.Expect(page.Locator("#alt-3-error")).ToBeVisibleAsync();
        Assert.Equal("alt-2", await page.FocusedIdAsync());
        Assert.Contains("alt-2-error", await page.Locator("#alt-2").GetAttributeAsync("aria-describedby") ?? "");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove photo 2" }).ClickAsync(); // photos 3 and 4 move up, with their words
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(3);
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task A_photo_too_large_is_refused_before_anything_is_sent()
    {
        var tooLarge = Path.Combine(Path.GetTempPath(), "soliday-too-large.jpg");
        await File.WriteAllBytesAsync(tooLarge, new byte[26 * 1024 * 1024]);
        var page = await browser.NewPageAsync(BaseAddress);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/api/submit");

        await page.Locator("#photo").SetInputFilesAsync(tooLarge);
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("too large");
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task Photos_too_large_together_are_refused_before_anything_is_sent()
    {
        var halves = new[] { "soliday-half-1.jpg", "soliday-half-2.jpg" }.Select(name => Path.Combine(Path.GetTempPath(), name)).ToArray();
        foreach (var half in halves)
        {
            await File.WriteAllBytesAsync(half, new byte[13 * 1024 * 1024]); // each under 25 MB, together over it
        }

        var page = await browser.NewPageAsync(BaseAddress);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(halves);
        await page.Locator("#alt").FillAsync("The first half");
        await page.Locator("#alt-2").FillAsync("The second half");

        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("too large to send together");
        Assert.Equal("photo", await page.FocusedIdAsync());
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task Upload_progress_is_shown_on_a_slow_connection()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 100, ["downloadThroughput"] = 500_000, ["uploadThroughput"] = 200_000, // a weak 3G signal
        });
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "DN__jpg_Blackberry_Z10.jpg")); // 1.4 MB
        await page.Locator("#alt").FillAsync("A canal lock with a narrowboat");
        await page.Locator("#consent").CheckAsync();

        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".upload")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const p = document.getElementById('upload-progress'); return p && p.value > 0 && p.value < 100; }");
        await Assertions.Expect(page.Locator("form.submission button[type=submit]")).ToBeDisabledAsync();
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task The_form_works_with_JavaScript_off()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"));
        await page.Locator("#alt").FillAsync("A close-up of a flower");
        await page.Locator("#consent").CheckAsync();

        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
    }
}
