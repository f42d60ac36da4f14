using System.Net;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Notices;

/// <summary>The page /Notices/Attachment/{id}: a notice's file, to those who may open the notice only.</summary>
[Collection(AppCollection.Name)]
public sealed class AttachmentTests(AppFixture app)
{
    [Fact]
    public async Task Should_send_the_file_under_its_name_to_a_reader_in_scope()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", pdf: true);

        using var response = await (await app.SignInAsync("trainee-demo")).GetAsync($"/Notices/Attachment/{n.AttachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("附件.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..5]);
    }

    [Fact]
    public async Task Should_refuse_the_file_outside_the_notices_scope_and_once_withdrawn()
    {
        var n = await app.NoticeAsync(ownerCode: "440111", pdf: true);
        var withdrawn = await app.NoticeAsync(state: NoticeState.Withdrawn, pdf: true);

        using var otherTrainee = await (await app.SignInAsync(await app.TraineeAsync())).GetAsync($"/Notices/Attachment/{n.AttachmentId}");
        using var otherDistrict = await (await app.SignInAsync(DemoAccounts.OtherDistrict)).GetAsync($"/Notices/Attachment/{n.AttachmentId}");
        using var gone = await (await app.SignInAsync("trainee-demo")).GetAsync($"/Notices/Attachment/{withdrawn.AttachmentId}");
        using var anonymous = await app.Anonymous().GetAsync($"/Notices/Attachment/{n.AttachmentId}");

        Assert.Equal(HttpStatusCode.NotFound, otherTrainee.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherDistrict.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Refusals.AssertSentToLogin(anonymous);
    }
}
