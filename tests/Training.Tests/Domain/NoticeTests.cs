using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>A notice's rules: who publishes, draft → published → withdrawn, expiry.</summary>
public sealed class NoticeTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit District = OrgUnit.CreateChild(City, "440111", "白云区");
    private static readonly OrgUnit Township = OrgUnit.CreateChild(District, "440111103", "人和镇");

    private static Notice New(DateOnly? expiresOn = null) =>
        Notice.Create(District, "开班通知", "正文", NoticeCategory.Training, false, expiresOn, Today, "t", DateTime.UtcNow);

    [Fact]
    public void Should_refuse_a_township_as_publisher() =>
        Assert.Throws<DomainException>(() => Notice.Create(Township, "通知", "正文", NoticeCategory.Other, false, null, Today, "t", DateTime.UtcNow));

    [Fact]
    public void Should_publish_a_draft_once_and_withdraw_only_a_published_notice()
    {
        var n = New();
        Assert.Throws<DomainException>(n.Withdraw);
        n.Publish(Today, DateTime.UtcNow);
        Assert.Throws<DomainException>(() => n.Publish(Today, DateTime.UtcNow));
        n.Withdraw();
        Assert.Equal(NoticeState.Withdrawn, n.State);
        Assert.Throws<DomainException>(() => n.Change("新标题", "正文", NoticeCategory.Other, false, null, Today));
    }

    [Fact]
    public void Should_be_read_through_its_expiry_date_and_not_after()
    {
        var n = New(expiresOn: Today);

        Assert.False(n.IsExpiredOn(Today));
        Assert.True(n.IsExpiredOn(Today.AddDays(1)));
        Assert.Throws<DomainException>(() => New(expiresOn: Today.AddDays(-1)));
    }

    [Fact]
    public void Should_refuse_an_empty_title_and_a_title_too_long()
    {
        Assert.Equal("Title", Assert.Throws<DomainException>(() => Notice.Create(District, " ", "正文", NoticeCategory.Other, false, null, Today, "t", DateTime.UtcNow)).Field);
        Assert.Throws<DomainException>(() => Notice.Create(District, new string('标', Notice.MaxTitle + 1), "正文", NoticeCategory.Other, false, null, Today, "t", DateTime.UtcNow));
    }
}
