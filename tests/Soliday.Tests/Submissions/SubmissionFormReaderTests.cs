using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Submissions;

public sealed class SubmissionFormReaderTests
{
    [Fact]
    public async Task A_good_submission_becomes_a_draft_with_the_photo_read_by_its_content()
    {
        var result = await ReadAsync(Form(photo: Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"), photoContentType: "application/octet-stream"));

        var draft = Assert.IsType<SubmissionDraft>(result.Draft);
        Assert.Equal("image/jpeg", Assert.Single(draft.Photos).ContentType);
        Assert.Equal("A sunny morning", draft.Text);
        Assert.Equal(Licences.CcBy, draft.Licence);
    }

    [Fact]
    public async Task A_resident_who_gives_no_name_is_credited_as_anonymous()
    {
        var result = await ReadAsync(Form(credit: ""));

        Assert.Equal("Anonymous", result.Draft!.Credit);
    }

    [Fact]
    public async Task Every_field_in_error_is_named_at_once()
    {
        var result = await ReadAsync(Form(caption: "", consent: null, licence: "All rights reserved", withPhoto: false, alt: null));

        Assert.Equal(400, result.Failure!.StatusCode);
        Assert.Equal(["caption", "consent", "licence"], result.Failure.FieldErrors.Keys.Order());
    }

    [Fact]
    public async Task A_photo_needs_a_description_for_people_who_cannot_see_it()
    {
        var result = await ReadAsync(Form(alt: " "));

        Assert.Contains("cannot see it", result.Failure!.FieldErrors["alt"]);
    }

    [Fact]
    public async Task A_line_break_counts_as_one_character_as_the_browser_counted_it()
    {
        // 1,000 lines of one letter: 1,999 characters in the browser, 2,998 bytes as sent (CR LF).
        var caption = string.Join("\r\n", Enumerable.Repeat("a", 1000));

        var result = await ReadAsync(Form(caption: caption));

        Assert.Null(result.Failure);
        Assert.Equal(1999, result.Draft!.Text.Length);
    }

    [Fact]
    public async Task What_was_typed_comes_back_with_the_errors()
    {
        var result = await ReadAsync(Form(caption: "Kept <as typed>", consent: null, credit: "Jo"));

        Assert.Equal(("Kept <as typed>", "Jo"), (result.Values.Caption, result.Values.Credit));
    }

    [Fact]
    public async Task A_receipt_asked_for_with_an_address_is_wanted_and_without_one_is_an_error_on_the_email_field()
    {
        var withAddress = Form();
        withAddress.Add(new StringContent("jo@example.org"), "email");
        withAddress.Add(new StringContent("true"), "receipt");
        var withoutAddress = Form();
        withoutAddress.Add(new StringContent("true"), "receipt");
        var addressOnly = Form();
        addressOnly.Add(new StringContent("jo@example.org"), "email");

        var wanted = await ReadAsync(withAddress);
        var missing = await ReadAsync(withoutAddress);
        var notAsked = await ReadAsync(addressOnly);

        Assert.True(wanted.Draft!.WantsReceipt);
        Assert.Equal("Please give your email address for the receipt, or untick \"Email me a receipt\".", missing.Failure!.FieldErrors["email"]);
        Assert.False(notAsked.Draft!.WantsReceipt);
    }

    [Fact]
    public async Task Three_photos_each_with_its_description_become_one_draft_with_the_photos_in_their_order()
    {
        var form = Form(withPhoto: false, alt: null);
        AddPhoto(form, "EX__jpg_Canon_40D.jpg", "A red tractor in a field");
        AddPhoto(form, "EX__jpg_gps_DSCN0042.jpg", "Stalls on Mell Square");
        AddPhoto(form, "EX__jpg_mobile_jolla.jpg", "Tea at the café");

        var draft = (await ReadAsync(form)).Draft!;

        Assert.Equal(["A red tractor in a field", "Stalls on Mell Square", "Tea at the café"], draft.Photos.Select(p => p.Alt));
        Assert.Equal(Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"), draft.Photos[1].Content.ToArray());
    }

    [Fact]
    public async Task A_file_field_left_empty_keeps_its_place_so_each_description_stays_with_its_photo()
    {
        // The form without script: photo 1 and 3 chosen, photo 2's field left empty, as a browser sends it.
        var form = Form(withPhoto: false, alt: null);
        AddPhoto(form, "EX__jpg_Canon_40D.jpg", "A red tractor in a field");
        AddEmptyFileField(form, alt: "");
        AddPhoto(form, "EX__jpg_mobile_jolla.jpg", "Tea at the café");
        AddEmptyFileField(form, alt: "");

        var draft = (await ReadAsync(form)).Draft!;

        Assert.Equal(["A red tractor in a field", "Tea at the café"], draft.Photos.Select(p => p.Alt));
        Assert.Equal(Corpus.Read("real-exif", "EX__jpg_mobile_jolla.jpg"), draft.Photos[1].Content.ToArray());
    }

    [Fact]
    public async Task A_description_whose_photo_did_not_come_is_asked_for_again_never_sent_as_a_written_post()
    {
        var form = Form(caption: "Our street party", withPhoto: false, alt: null);
        AddEmptyFileField(form, alt: "Bunting across Warwick Road");

        var result = await ReadAsync(form);

        Assert.Null(result.Draft);
        Assert.Equal("photo-missing", result.Failure!.Code);
        Assert.Contains("Please choose the photo again", result.Failure.FieldErrors["photo"]);
        Assert.Equal(["Bunting across Warwick Road"], result.Values.Alts); // the words come back with the form
    }

    [Fact]
    public async Task A_description_sent_with_no_photo_part_at_all_is_refused_too()
    {
        var result = await ReadAsync(Form(caption: "Our street party", withPhoto: false, alt: "Bunting across Warwick Road"));

        Assert.Equal("photo-missing", result.Failure!.Code);
        Assert.Equal(["photo"], result.Failure.WireErrors.Keys);
    }

    [Fact]
    public async Task The_second_photo_without_its_description_is_named_beside_its_own_field()
    {
        var form = Form(withPhoto: false, alt: null);
        AddPhoto(form, "EX__jpg_Canon_40D.jpg", "A red tractor in a field");
        AddPhoto(form, "EX__jpg_mobile_jolla.jpg", " ");

        var failure = (await ReadAsync(form)).Failure!;

        Assert.Equal("description-missing", failure.Code);
        Assert.Equal("Please describe photo 2 for people who cannot see it.", failure.FieldErrors["alt-2"]);
        Assert.Equal("Please describe photo 2 for people who cannot see it.", failure.WireErrors["alt"]);
    }

    [Fact]
    public async Task A_fifth_photo_is_refused_in_words_naming_how_many_came()
    {
        var form = Form(withPhoto: false, alt: null);
        for (var i = 0; i < 5; i++)
        {
            AddPhoto(form, "EX__jpg_Canon_40D.jpg", $"Photo {i + 1}");
        }

        var failure = (await ReadAsync(form)).Failure!;

        Assert.Equal((400, "too-many-photos"), (failure.StatusCode, failure.Code));
        Assert.Equal("You can send up to 4 photos with one entry, and this had 5. Please leave some out, or send them in another entry.", failure.FieldErrors["photo"]);
    }

    [Fact]
    public async Task Photos_share_one_limit_for_the_whole_post()
    {
        var form = Form(withPhoto: false, alt: null);
        AddPhotoBytes(form, new byte[1_600_000], "One half"); // each under the 2 MB a photo may be,
        AddPhotoBytes(form, new byte[1_600_000], "The other half"); // both over what one post may carry

        var result = await ReadAsync(form, reader: Reader(maxUploadBytes: 2 * 1024 * 1024), sendLength: false);

        Assert.Equal((413, "too-large"), (result.Failure!.StatusCode, result.Failure.Code));
        Assert.Contains("photos can be up to 2 MB in all", result.Failure.FieldErrors["photo"]);
    }

    [Fact]
    public async Task A_refused_photo_among_several_is_named_by_its_number()
    {
        var form = Form(withPhoto: false, alt: null);
        AddPhoto(form, "EX__jpg_Canon_40D.jpg", "A red tractor in a field");
        AddPhotoBytes(form, "%PDF-1.4 not a photo at all"u8.ToArray(), "A page of a letter");

        var failure = (await ReadAsync(form)).Failure!;

        Assert.StartsWith("Photo 2: ", failure.FieldErrors["photo-2"]);
        Assert.Equal(415, failure.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_with_415()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream("{}"u8.ToArray());

        var result = await Reader().ReadAsync(context.Request);

        Assert.Equal(415, result.Failure!.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_even_without_a_length()
    {
        var result = await ReadAsync(Form(photo: new byte[200_000]), reader: Reader(maxUploadBytes: 100_000), sendLength: false);

        Assert.Equal(413, result.Failure!.StatusCode);
    }

    [Fact]
    public async Task Thousands_of_tiny_fields_are_a_bad_request_not_a_large_one()
    {
        var form = Form();
        for (var i = 0; i < 1100; i++)
        {
            form.Add(new StringContent("x"), $"field{i}");
        }

        var result = await ReadAsync(form);

        Assert.Equal(400, result.Failure!.StatusCode);
    }

    [Fact]
    public async Task A_time_given_for_when_it_was_goes_with_the_draft_on_the_day()
    {
        var form = Form();
        form.Add(new StringContent("09:15"), "moment");

        var result = await ReadAsync(form);

        Assert.Equal(new DateTimeOffset(2026, 6, 20, 9, 15, 0, TimeSpan.FromHours(1)), result.Draft!.GivenMomentAt);
    }

    [Fact]
    public async Task No_time_given_leaves_the_draft_without_one()
    {
        Assert.Null((await ReadAsync(Form())).Draft!.GivenMomentAt);
    }

    [Theory]
    [InlineData("9 o'clock", "moment-invalid")]
    [InlineData("23:00", "moment-not-yet")] // the test clock says 13:00 on the day
    public async Task A_bad_time_is_refused_beside_its_field_and_kept_to_correct(string sent, string code)
    {
        var form = Form();
        form.Add(new StringContent(sent), "moment");

        var result = await ReadAsync(form);

        Assert.Equal(400, result.Failure!.StatusCode);
        Assert.Equal(code, result.Failure.Code);
        Assert.Equal(["moment"], result.Failure.FieldErrors.Keys);
        Assert.Equal(sent, result.Values.Moment);
    }

    [Fact]
    public async Task A_photo_kept_from_the_last_try_stands_in_for_its_empty_file_field()
    {
        var kept = Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg");
        var form = Form(withPhoto: false, alt: null);
        AddEmptyFileField(form, "A dog on a lawn");
        form.Add(new StringContent("keptToken"), "kept");

        var result = await ReadAsync(form, findKept: (_, token, _) => Task.FromResult<BinaryData?>(token == "keptToken" ? new BinaryData(kept) : null));

        var photo = Assert.Single(result.Draft!.Photos);
        Assert.Equal(kept, photo.Content.ToArray());
        Assert.Equal("A dog on a lawn", photo.Alt);
    }

    [Fact]
    public async Task A_kept_photo_that_has_gone_is_asked_for_again_never_dropped()
    {
        var form = Form(withPhoto: false, alt: "A dog on a lawn");
        form.Add(new StringContent("goneToken"), "kept");

        var result = await ReadAsync(form, findKept: (_, _, _) => Task.FromResult<BinaryData?>(null));

        Assert.Equal("photo-missing", result.Failure!.Code);
        Assert.Contains("it has gone now. Please choose it again.", result.Failure.FieldErrors["photo"]);
    }

    [Fact]
    public async Task A_form_sent_back_offers_its_checked_photos_to_keep_and_never_a_refused_one()
    {
        var form = Form(consent: null, alt: null, withPhoto: false);
        AddPhoto(form, "EX__jpg_Canon_40D.jpg", "A dog on a lawn");
        AddPhotoBytes(form, Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"), ""); // no description yet: kept all the same

        var result = await ReadAsync(form);

        Assert.Equal(["alt-2", "consent"], result.Failure!.FieldErrors.Keys.Order());
        Assert.Equal([1, 2], result.KeepablePhotos.Select(p => p.Number));
        Assert.All(result.KeepablePhotos, p => Assert.Equal("image/jpeg", p.ContentType));

        var refused = Form(consent: null, photo: [0xFF, 0xD8, 0xFF, 0x00, 0x01]); // not a photo we can read
        Assert.Empty((await ReadAsync(refused)).KeepablePhotos);
    }

    private static SubmissionFormReader Reader(long maxUploadBytes = 25 * 1024 * 1024)
    {
        var imaging = TestOptions.Imaging(o => o.MaxUploadBytes = maxUploadBytes);
        return new SubmissionFormReader(TestOptions.Processor(o => o.MaxUploadBytes = maxUploadBytes), imaging, new GivenTimes(TestOptions.Soliday(), new FixedClock(TestOptions.Now), Soliday.Words.SiteWords.English), Soliday.Words.SiteWords.English);
    }

    private static MultipartFormDataContent Form(
        string caption = "A sunny morning",
        string? alt = "A dog on a lawn",
        string credit = "Sam",
        string licence = "CC-BY-4.0",
        string? consent = "true",
        byte[]? photo = null,
        string photoContentType = "image/jpeg",
        bool withPhoto = true)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(caption), "caption" },
            { new StringContent(credit), "credit" },
            { new StringContent(licence), "licence" },
        };
        if (alt is not null)
        {
            form.Add(new StringContent(alt), "alt");
        }

        if (consent is not null)
        {
            form.Add(new StringContent(consent), "consent");
        }

        if (withPhoto)
        {
            var file = new ByteArrayContent(photo ?? Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
            file.Headers.ContentType = new MediaTypeHeaderValue(photoContentType);
            form.Add(file, "photo", "photo.jpg");
        }

        return form;
    }

    private static void AddPhoto(MultipartFormDataContent form, string corpusFile, string alt) =>
        AddPhotoBytes(form, Corpus.Read("real-exif", corpusFile), alt);

    private static void AddPhotoBytes(MultipartFormDataContent form, byte[] content, string alt)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "photo.jpg");
        form.Add(new StringContent(alt), "alt");
    }

    /// <summary>A file field with nothing chosen, as browsers send it: a part with an empty file name and no bytes.</summary>
    private static void AddEmptyFileField(MultipartFormDataContent form, string alt)
    {
        var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        empty.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"photo\"", FileName = "\"\"" };
        form.Add(empty);
        form.Add(new StringContent(alt), "alt");
    }

    private static async Task<SubmissionFormResult> ReadAsync(MultipartFormDataContent form, SubmissionFormReader? reader = null, bool sendLength = true, KeptPhotoFinder? findKept = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = form.Headers.ContentType!.ToString();
        var body = await form.ReadAsByteArrayAsync();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = sendLength ? body.Length : null;
        return await (reader ?? Reader()).ReadAsync(context.Request, findKept);
    }
}
