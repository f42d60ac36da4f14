using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal readonly record struct PostPlan(PostType Type, DateOnly Start, DateOnly? End);
