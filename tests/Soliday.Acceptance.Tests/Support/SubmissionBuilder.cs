using System.Net.Http.Headers;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>Builds the multipart form a resident sends; every field filled in well unless a test says otherwise.</summary>
public sealed class SubmissionBuilder
{
    private readonly Dictionary<string, string> _fields = new()
    {
        ["caption"] = "Early light over the lake in Brueton Park",
        ["alt"] = "Mist over a still lake with ducks near the bank",
        ["credit"] = "Priya from Shirley",
        ["licence"] = "CC-BY-4.0",
        ["consent"] = "true",
    };

    private (byte[] Content, string FileName)? _photo = (Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"), "IMG_0001.jpg");

    /// <summary>Several photos, each sent with its own description right after it; none when empty.</summary>
    private readonly List<(byte[] Content, string FileName, string Alt)> _photos = [];

    public SubmissionBuilder WithPhoto(string folder, string file)
    {
        _photo = (Corpus.Read(folder, file), file);
        return this;
    }

    public SubmissionBuilder WithPhotoBytes(byte[] content, string fileName = "photo.jpg")
    {
        _photo = (content, fileName);
        return this;
    }

    public SubmissionBuilder WithoutPhoto()
    {
        _photo = null;
        _fields.Remove("alt");
        return this;
    }

    /// <summary>Several photos from the corpus's real-exif folder in place of the one, each with its description.</summary>
    public SubmissionBuilder WithPhotos(params (string File, string Alt)[] photos)
    {
        _photo = null;
        _fields.Remove("alt");
        _photos.Clear();
        _photos.AddRange(photos.Select(p => (Corpus.Read("real-exif", p.File), p.File, p.Alt)));
        return this;
    }

    public SubmissionBuilder With(string field, string value)
    {
        _fields[field] = value;
        return this;
    }

    public SubmissionBuilder Without(string field)
    {
        _fields.Remove(field);
        return this;
    }

    public MultipartFormDataContent Build()
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in _fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (_photo is { } photo)
        {
            var file = new ByteArrayContent(photo.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what browsers often claim; Soliday reads the content
            form.Add(file, "photo", photo.FileName);
        }

        foreach (var (content, fileName, alt) in _photos)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", fileName);
            form.Add(new StringContent(alt), "alt");
        }

        return form;
    }
}
