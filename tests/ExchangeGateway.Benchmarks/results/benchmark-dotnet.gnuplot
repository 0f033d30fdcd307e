$d1024_direct << EOD
1 7881.06 0.641
16 28338.715 1.268
64 39609.79 3.86
EOD
$d1024_proxy_pair << EOD
1 2729.944 0.803
16 9069.438 3.892
64 12162.947 9.511
EOD
$d1024_relay_pair << EOD
1 1595.218 1.257
16 7988.017 4.55
64 11967.554 9.578
EOD
$d1024_gateway_pair << EOD
1 417.469 4.075
16 2509.867 13.056
64 3424.965 34.864
EOD
$d65536_direct << EOD
1 1497.414 1.167
16 3105.567 9.409
64 3069.939 33.69
EOD
$d65536_proxy_pair << EOD
1 826.408 2.099
16 1464.393 17.996
64 1856.166 57.218
EOD
$d65536_relay_pair << EOD
1 546.569 3.052
16 1270.442 21.882
64 1407.635 73.264
EOD
$d65536_gateway_pair << EOD
1 247.568 7.865
16 653.281 39.941
64 795.578 127.79
EOD
$d1048576_direct << EOD
1 137.534 16.218
16 169.951 175.065
64 181.478 716.019
EOD
$d1048576_proxy_pair << EOD
1 70.943 23.299
16 130.187 173.489
64 124.891 741.871
EOD
$d1048576_relay_pair << EOD
1 65.518 29.036
16 99.178 276.262
64 100.481 1010.011
EOD
$d1048576_gateway_pair << EOD
1 35.945 44.766
16 60.538 438.021
64 59.207 2098.2
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run13/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
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
