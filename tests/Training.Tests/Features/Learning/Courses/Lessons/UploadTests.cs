using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Media;

namespace Training.Tests.Features.Learning.Courses.Lessons;

/// <summary>The page /Learning/Courses/Lessons/Upload/{courseId}: a file streamed into the media folder, read back for its pages or duration.</summary>
[Collection(AppCollection.Name)]
public sealed class UploadTests(AppFixture app)
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient author, int courseId, string kind, byte[] file, string fileName, string? minutes = null)
    {
        var url = $"/Learning/Courses/Lessons/Upload/{courseId}?kind={kind}";
        var token = await author.TokenAsync(url);
        var version = await app.WithDbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.Version).SingleAsync());
        var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString()), "Version" },
            { new StringContent("上传的课时"), "Input.Title" },
        };
        if (minutes is not null) form.Add(new StringContent(minutes), "Minutes");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(kind == "Video" ? "video/mp4" : "application/pdf");
        form.Add(content, "File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        return await author.SendAsync(request);
    }

    private int StoredFiles() => Directory.GetFiles(app.Services.GetRequiredService<MediaStorage>().Folder).Length;

    [Fact]
    public async Task Should_read_a_videos_duration_from_the_file_it_was_sent()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);

        using var response = await UploadAsync(await app.SignInAsync(DemoAccounts.District), course.Id, "Video", TestMedia.Mp4(1834.4, 200_000), "讲座.mp4");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lesson = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Title == "上传的课时"));
        Assert.Equal((LessonKind.Video, 1834, 1m), (lesson.Kind, lesson.DurationSeconds, lesson.Hours));
        Assert.Equal(TestMedia.Mp4(1834.4, 200_000).Length, new FileInfo(app.Services.GetRequiredService<MediaStorage>().PathOf(lesson.MediaName!)).Length);
    }

    [Fact]
    public async Task Should_take_a_pdfs_duration_from_its_author_within_three_minutes_a_page()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);

        using var tooLong = await UploadAsync(district, course.Id, "File", TestMedia.Pdf(4), "材料.pdf", minutes: "13");
        using var fine = await UploadAsync(district, course.Id, "File", TestMedia.Pdf(4), "材料.pdf", minutes: "12");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("最多 12 分钟", await tooLong.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, fine.StatusCode);
        var lesson = await app.WithDbAsync(db => db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Kind == LessonKind.File));
        Assert.Equal((4, 12 * 60), (lesson.Pages, lesson.DurationSeconds));
    }

    [Fact]
    public async Task Should_refuse_a_file_that_is_not_what_it_says_and_keep_nothing()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var before = StoredFiles();

        using var response = await UploadAsync(await app.SignInAsync(DemoAccounts.District), course.Id, "Video", TestMedia.Pdf(1), "伪装.mp4");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("不是 MP4 视频", await response.TextAsync());
        Assert.Equal(before, StoredFiles());
        Assert.False(await app.WithDbAsync(db => db.Lessons.AnyAsync(l => l.CourseId == course.Id && l.Title == "上传的课时")));
    }
}
