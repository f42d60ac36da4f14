using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

/// <summary>An enrollment: admitted on 1 September of <see cref="Year"/>, then graduated or withdrawn <see cref="On"/>.</summary>
internal readonly record struct EnrollPlan(int Year, int Program, EnrollmentState Outcome, DateOnly? On);
