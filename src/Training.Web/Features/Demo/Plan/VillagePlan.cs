using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal sealed class VillagePlan(int index, string code, int district, VillageKind kind)
{
    public int Index { get; } = index;
    public string Code { get; } = code;
    public int District { get; } = district;
    public VillageKind Kind { get; } = kind;
    public int KeyPosts { get; set; }
    public EdgeCase Edge { get; set; }
    public List<PersonPlan> People { get; } = [];
    /// <summary>Reserves in the pool on D.</summary>
    public List<PersonPlan> Pool { get; } = [];
    public List<Succession> Successions { get; } = [];
}
