using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal enum PlanRole { Cadre = 1, FormerCadre, NewCadre, Reserve, Member }
