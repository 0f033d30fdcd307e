$d1024_direct << EOD
1 11023 0.147
16 43358.333 0.639
64 63592.667 1.922
EOD
$d1024_proxy_pair << EOD
1 3476.333 0.436
16 11286 3.242
64 12781 9.423
EOD
$d1024_relay_pair << EOD
1 2320 0.588
16 14991.333 1.999
64 20619 5.931
EOD
$d1024_gateway_pair << EOD
1 520 4.396
16 3157.667 10.734
64 5507 20.383
EOD
$d65536_direct << EOD
1 2446.667 0.705
16 3677 7.394
64 3946.333 25.527
EOD
$d65536_proxy_pair << EOD
1 1101.333 1.452
16 2163.333 13.575
64 2133 60.738
EOD
$d65536_relay_pair << EOD
1 1007.667 1.446
16 1908 12.69
64 1860.667 53.17
EOD
$d65536_gateway_pair << EOD
1 357.333 5.392
16 844.667 33.938
64 1029.667 95.762
EOD
$d1048576_direct << EOD
1 162.333 11.9
16 201.667 111.41
64 199.333 416.01
EOD
$d1048576_proxy_pair << EOD
1 103 15.071
16 148.667 167.954
64 150.333 564.193
EOD
$d1048576_relay_pair << EOD
1 94 16.811
16 114 199.816
64 111.628 781.93
EOD
$d1048576_gateway_pair << EOD
1 49 34.774
16 74.667 313.993
64 62 1391.995
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run9/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
