using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Features.Certificates.Pdf;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using UglyToad.PdfPig;

namespace Training.Tests.Features.Certificates;

/// <summary>
/// The participant's own certificate: 下载结业证书 on 我的培训班 issues it (a graduate only) and downloads the PDF
/// under a Chinese file name; another person's, a revoked one and staff get nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DownloadTests(AppFixture app)
{
    private static async Task<HttpResponseMessage> IssueByMineAsync(HttpClient trainee, int classId) =>
        await trainee.PostFormAsync("/Classes/Mine", $"/Certificates/Download?handler=Issue&classId={classId}", new Dictionary<string, string>());

    [Fact]
    public async Task Should_issue_on_the_first_download_and_send_the_graduates_own_pdf()
    {
        var g = await app.GraduateAsync();
        var trainee = await app.SignInAsync(g.Trainee);

        using var issued = await IssueByMineAsync(trainee, g.ClassId);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var c = await app.WithDbAsync(db => db.Certificates.AsNoTracking().SingleAsync(x => x.ClassId == g.ClassId && x.PersonId == g.Trainee.PersonId));
        Assert.Equal($"/Certificates/Download/{c.Id}", issued.Headers.Location?.OriginalString);
        Assert.Equal(g.Trainee.UserName, c.IssuedBy);

        using var pdf = await trainee.GetAsync(issued.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var disposition = pdf.Content.Headers.ContentDisposition?.ToString() ?? string.Join(";", pdf.Headers.GetValues("Content-Disposition"));
        Assert.Contains($"filename=\"certificate-{c.Number}.pdf\"", disposition);
        Assert.Contains("filename*=UTF-8''" + Uri.EscapeDataString($"结业证书_{g.Trainee.Name}_{c.Number}.pdf"), disposition);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var page = document.GetPage(1);
        Assert.Contains(g.Trainee.Name, page.Text);
        Assert.Contains(c.Number, page.Text);
        Assert.True(Assert.Single(page.GetImages()).TryGetPng(out var png));
        Assert.Equal($"http://localhost/Verify/{c.Code}", CertificatePdfTests.Decode(png));
    }

    [Fact]
    public async Task Should_give_the_same_certificate_when_asked_again()
    {
        var g = await app.GraduateAsync();
        var trainee = await app.SignInAsync(g.Trainee);
        using var first = await IssueByMineAsync(trainee, g.ClassId);

        using var second = await IssueByMineAsync(trainee, g.ClassId);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(x => x.ClassId == g.ClassId)));
    }

    [Fact]
    public async Task Should_refuse_to_issue_to_a_participant_who_has_not_graduated()
    {
        var g = await app.GraduateAsync(graduated: false);
        var trainee = await app.SignInAsync(g.Trainee);

        using var refused = await trainee.PostAsync($"/Certificates/Download?handler=Issue&classId={g.ClassId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await trainee.TokenAsync("/Classes/Mine") }));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Classes/Mine", refused.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Certificates.AnyAsync(x => x.ClassId == g.ClassId)));
        using var mine = await trainee.GetAsync("/Classes/Mine");
        Assert.Contains("尚未结业", await mine.TextAsync());
    }

    [Fact]
    public async Task Should_not_find_another_persons_certificate()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        var other = await app.GraduateAsync();
        var stranger = await app.SignInAsync(other.Trainee);

        using var download = await stranger.GetAsync($"/Certificates/Download/{id}");
        using var issue = await IssueByMineAsync(stranger, g.ClassId);

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
    }

    [Fact]
    public async Task Should_not_send_a_revoked_certificate()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        await app.RevokeAsync(id);

        using var download = await (await app.SignInAsync(g.Trainee)).GetAsync($"/Certificates/Download/{id}");

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_staff()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);

        using var download = await (await app.SignInAsync(DemoAccounts.City)).GetAsync($"/Certificates/Download/{id}");

        Refusals.AssertRefused(download);
    }
}
