using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Training.Web.Features.Learning.Media;

/// <summary>
/// Reads an upload form as it arrives (LEARNING.md §1: a 1 GB video is streamed to storage, never
/// held in memory, nor first copied to a temporary file): its small fields are collected, its one
/// file goes straight into <see cref="MediaStorage"/>. The page must not bind the form
/// (<see cref="StreamedUploadAttribute"/>), and the antiforgery token travels in its header, which
/// the upload form's script sets, so that validating it does not read the body either.
/// </summary>
public static class MediaUpload
{
    private const int MaxFieldLength = 60_000;
    private const int MaxFields = 20;

    public sealed record Result(IReadOnlyDictionary<string, string> Fields, MediaStorage.Saved? File, string? Problem)
    {
        public string? Field(string name) => Fields.TryGetValue(name, out var v) ? v : null;
    }

    public static async Task<Result> ReadAsync(HttpRequest request, MediaStorage storage, MediaKind kind, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return new Result(fields, null, LearningTexts.ChooseFile);

        var reader = new MultipartReader(boundary, request.Body);
        MediaStorage.Saved? saved = null;
        string? problem = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                // One file per form; an empty file input (nothing chosen) arrives with no name.
                if (saved is not null || problem is not null || string.IsNullOrEmpty(disposition.FileName.Value ?? disposition.FileNameStar.Value)) continue;
                (saved, problem) = await storage.SaveAsync(section.Body, kind, ct);
            }
            else if (fields.Count < MaxFields)
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var buffer = new char[MaxFieldLength];
                var length = await text.ReadBlockAsync(buffer, ct);
                fields[name] = new string(buffer, 0, length);
            }
        }
        if (saved is null && problem is null) problem = LearningTexts.ChooseFile;
        return new Result(fields, saved, problem);
    }
}

/// <summary>
/// On an upload page: no form binding (it would read the whole body before the handler runs) and a
/// body limit that fits the largest file the page takes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StreamedUploadAttribute : Attribute, IResourceFilter
{
    /// <summary>The largest file plus room for the form's fields.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024 + 1024 * 1024;

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxRequestBytes;
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
