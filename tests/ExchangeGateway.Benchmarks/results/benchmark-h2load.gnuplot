$d1024_direct << EOD
1 12409.333 0.146
16 50707.333 0.527
64 63348.333 2.023
EOD
$d1024_proxy_pair << EOD
1 3572.667 0.406
16 10679.667 3.427
64 12577.667 9.656
EOD
$d1024_relay_pair << EOD
1 2487.333 0.532
16 14565.333 2.091
64 19158.667 5.758
EOD
$d1024_gateway_pair << EOD
1 617.667 3.693
16 3397.333 11.17
64 4433.667 30.49
EOD
$d65536_direct << EOD
1 2385 0.581
16 3700.333 6.871
64 3800 26.471
EOD
$d65536_proxy_pair << EOD
1 1105 1.33
16 1940 15.439
64 2112.667 56.373
EOD
$d65536_relay_pair << EOD
1 787 1.951
16 1706.667 14.722
64 1828 51.911
EOD
$d65536_gateway_pair << EOD
1 354.333 5.334
16 854.333 27.668
64 1040.532 96.401
EOD
$d1048576_direct << EOD
1 180.333 10.933
16 234.333 96.297
64 208.306 383.722
EOD
$d1048576_proxy_pair << EOD
1 99.333 18.743
16 150.333 156.871
64 138.667 621.885
EOD
$d1048576_relay_pair << EOD
1 73.333 25.541
16 98 216.711
64 105.667 679.416
EOD
$d1048576_gateway_pair << EOD
1 52 30.915
16 72.667 321.842
64 64.333 1465.973
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full-run3/benchmark-h2load.png'
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
