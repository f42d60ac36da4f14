using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal enum ReserveLeave { None, Appointed, Exited }
