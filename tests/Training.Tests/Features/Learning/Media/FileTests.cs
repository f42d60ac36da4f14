using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Media;

namespace Training.Tests.Features.Learning.Media;

/// <summary>The page /Learning/Media/File/{id}: a lesson's file with range requests, to those who may open its course.</summary>
[Collection(AppCollection.Name)]
public sealed class FileTests(AppFixture app)
{
    private async Task<(int LessonId, byte[] Bytes)> StoredVideoAsync(string ownerCode)
    {
        var bytes = TestMedia.Mp4(60, 100_000);
        var storage = app.Services.GetRequiredService<MediaStorage>();
        var (saved, _) = await storage.SaveAsync(new MemoryStream(bytes), MediaKind.Mp4, CancellationToken.None);
        var id = await app.WithDbAsync(async db =>
        {
            var course = Course.Create(await db.OrgUnits.SingleAsync(u => u.Code == ownerCode), "视频课程", CourseCategory.PartyBuilding, null, false);
            var lesson = course.AddVideo("视频", saved!.StoredName, saved.Bytes, 60, false);
            course.Publish();
            db.Courses.Add(course);
            await db.SaveChangesAsync();
            return lesson.Id;
        });
        return (id, bytes);
    }

    [Fact]
    public async Task Should_answer_a_range_with_those_bytes_and_let_the_phone_cache_them()
    {
        var (id, bytes) = await StoredVideoAsync("440100");
        var learner = await app.SignInAsync(await app.TraineeAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Learning/Media/File/{id}");
        request.Headers.Range = new RangeHeaderValue(50_000, 50_099);

        using var response = await learner.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(bytes[50_000..50_100], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal("bytes", string.Join("", response.Headers.AcceptRanges));
    }

    [Fact]
    public async Task Should_not_find_a_file_of_a_course_the_learner_may_not_open()
    {
        var (id, _) = await StoredVideoAsync("440111");
        var learner = await app.SignInAsync(await app.TraineeAsync());

        using var response = await learner.GetAsync($"/Learning/Media/File/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
