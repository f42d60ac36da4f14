using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.Learning.Media;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>A notice as the notices tests build it: its id and title.</summary>
public sealed record TestNotice(int Id, string Title, int? AttachmentId);

public static class TestNotices
{
    /// <summary>
    /// A notice of <paramref name="ownerCode"/> (the city by default), published <paramref name="publishedDaysAgo"/> days ago
    /// unless <paramref name="state"/> says otherwise; with <paramref name="pdf"/> a small PDF attached.
    /// </summary>
    public static async Task<TestNotice> NoticeAsync(this AppFixture app, string ownerCode = "440100", bool pinned = false,
        int? expiresInDays = null, NoticeState state = NoticeState.Published, double publishedDaysAgo = 0, string? body = null, bool pdf = false)
    {
        string? stored = null;
        long bytes = 0;
        if (pdf)
        {
            var storage = app.Services.GetRequiredService<MediaStorage>();
            var (saved, _) = await storage.SaveAsync(new MemoryStream(TestMedia.Pdf(1)), MediaKind.Pdf, CancellationToken.None);
            (stored, bytes) = (saved!.StoredName, saved.Bytes);
        }
        return await app.WithDbAsync(async db =>
        {
            var owner = await db.OrgUnits.SingleAsync(u => u.Code == ownerCode);
            var at = DateTime.UtcNow.AddDays(-publishedDaysAgo);
            var on = DateOnly.FromDateTime(at);
            // Written on the day it was published; an expiry in the past is one that was in the future then.
            var written = expiresInDays is < 0 ? TestPeople.Today.AddDays(expiresInDays.Value - 1) : on;
            var n = Notice.Create(owner, "测试通知" + Guid.NewGuid().ToString("N")[..6], body ?? "正文", NoticeCategory.Training, pinned,
                expiresInDays is { } d ? TestPeople.Today.AddDays(d) : null, written, "test", at);
            var attachment = stored is null ? null : n.Attach("附件.pdf", stored, bytes);
            if (state != NoticeState.Draft) n.Publish(written, at);
            if (state == NoticeState.Withdrawn) n.Withdraw();
            db.Notices.Add(n);
            await db.SaveChangesAsync();
            return new TestNotice(n.Id, n.Title, attachment?.Id);
        });
    }
}
