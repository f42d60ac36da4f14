using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal sealed class ReservePlan(ReserveTarget target, DateOnly inPoolOn)
{
    public ReserveTarget Target { get; } = target;
    public DateOnly InPoolOn { get; } = inPoolOn;
    public bool InPoolOnD { get; init; }
    public ReserveLeave Leave { get; set; }
    public DateOnly? LeftOn { get; set; }
    public string? Reason { get; set; }
}
