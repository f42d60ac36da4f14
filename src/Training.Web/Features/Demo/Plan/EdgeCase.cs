using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

internal enum EdgeCase { None, SecretaryStartsOnD, SecretaryEndsOnD }
