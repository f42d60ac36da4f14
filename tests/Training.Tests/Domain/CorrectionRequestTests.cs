using Training.Core.Domain;

namespace Training.Tests.Domain;

/// <summary>更正申请 (PIPL Art. 46): what the trainee writes, and an answer once, a refusal only with its reason.</summary>
public sealed class CorrectionRequestTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 2, 0, 0, DateTimeKind.Utc);
    private static readonly OrgUnit City = OrgUnit.CreateCity("440100", "广州市");
    private static readonly OrgUnit Village = OrgUnit.CreateChild(OrgUnit.CreateChild(OrgUnit.CreateChild(City, "440111", "白云区"), "440111103", "人和镇"), "440111103201", "汉塘村委会", VillageKind.Village);

    private static CorrectionRequest Request(string text = "手机号应为 13800138000") =>
        new(Person.Register("440103199001011236", "陈志强", null, PoliticalStatus.PartyMember, Education.HighSchool, Village, DateOnly.FromDateTime(Now), Now), text, "trainee", Now);

    [Fact]
    public void Should_refuse_an_empty_or_overlong_request()
    {
        Assert.Throws<DomainException>(() => Request("  "));
        Assert.Throws<DomainException>(() => Request(new string('字', CorrectionRequest.MaxText + 1)));
        Assert.Equal(CorrectionState.Open, Request().State);
    }

    [Fact]
    public void Should_decline_only_with_a_reason_and_answer_only_once()
    {
        var request = Request();
        var seen = request.Version;

        Assert.Throws<DomainException>(() => request.Declined(" ", "township", Now));
        request.Corrected(null, "township", Now.AddHours(1));

        Assert.Equal((CorrectionState.Corrected, null, "township"), (request.State, request.Reply, request.HandledBy));
        Assert.NotEqual(seen, request.Version);
        Assert.Throws<DomainException>(() => request.Declined("理由", "district", Now.AddHours(2)));
    }
}
