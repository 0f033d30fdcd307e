using PermitCheck;

return await PermitQuery.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
