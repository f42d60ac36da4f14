using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal sealed class PersonPlan(PlanRole role)
{
    public PlanRole Role { get; } = role;
    public EduCategory Category { get; set; }
    public Education Base { get; set; } = Education.HighSchool;
    public PoliticalStatus Political { get; set; } = PoliticalStatus.PartyMember;
    public bool Recommended { get; init; }
    public double MaleShare { get; set; } = 0.7;
    public int BirthFrom { get; set; } = 1965;
    public int BirthTo { get; set; } = 1990;
    public bool IsSecretary { get; init; }
    public PlanSpecial Special { get; set; }
    public List<PostPlan> Posts { get; } = [];
    public List<EnrollPlan> Enrollments { get; } = [];
    public ReservePlan? Reserve { get; set; }
}
