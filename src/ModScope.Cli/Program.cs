Console.WriteLine("modscope");
