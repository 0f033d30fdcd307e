using PermitCheck;

return await PermitQuery.RunAsync(args, Console.Out).ConfigureAwait(false);
