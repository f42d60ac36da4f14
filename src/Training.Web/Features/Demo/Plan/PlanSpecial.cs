using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal enum PlanSpecial { None, Trainee, Registrable }
