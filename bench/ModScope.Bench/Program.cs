Console.WriteLine("bench: see issue 3");
